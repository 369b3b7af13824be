package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintRule;
import java.util.ArrayList;
import java.util.List;

/** Every built-in lint rule, in id order. */
public final class BuiltInRules {

    private BuiltInRules() {}

    /** @return the built-in rules, {@code KSDK-L001} to {@code KSDK-L015} */
    public static List<LintRule> all() {
        List<LintRule> rules = new ArrayList<>();
        rules.addAll(SizeRules.all());
        rules.addAll(DurabilityRules.all());
        rules.addAll(GroupRules.all());
        rules.addAll(CapacityRules.all());
        rules.addAll(FeatureRules.all());
        return List.copyOf(rules);
    }
}
