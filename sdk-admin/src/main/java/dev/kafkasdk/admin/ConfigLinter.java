package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.lint.BuiltInRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs {@link LintRule}s over producer, consumer, topic and broker settings.
 *
 * <p>Offline, build the {@link LintContext} from a config file; online, let
 * {@link ClusterOperations#lintContext(LintContext)} add what the cluster reports. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * LintReport report = ConfigLinter.defaults().lint(context);
 * if (report.hasErrors()) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public final class ConfigLinter {

    private final List<LintRule> rules;

    private ConfigLinter(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return a linter with every built-in rule ({@code KSDK-L001} ...) */
    public static ConfigLinter defaults() {
        return new ConfigLinter(BuiltInRules.all());
    }

    /**
     * A linter with the given rules only.
     *
     * @param rules the rules, with distinct ids
     * @return the linter
     * @throws IllegalArgumentException if two rules share an id
     */
    public static ConfigLinter of(Collection<? extends LintRule> rules) {
        Set<String> ids = new HashSet<>();
        for (LintRule rule : rules) {
            if (!ids.add(Objects.requireNonNull(rule, "rule").id())) {
                throw new IllegalArgumentException("two lint rules share the id " + rule.id());
            }
        }
        return new ConfigLinter(new ArrayList<>(rules));
    }

    /**
     * A linter with these rules plus another one.
     *
     * @param rule an extra rule
     * @return a new linter
     */
    public ConfigLinter with(LintRule rule) {
        List<LintRule> all = new ArrayList<>(rules);
        all.add(rule);
        return of(all);
    }

    /**
     * A linter without the rules of the given ids, for example to silence a rule a team accepts.
     *
     * @param ruleIds ids to leave out
     * @return a new linter
     */
    public ConfigLinter without(Collection<String> ruleIds) {
        return new ConfigLinter(
                rules.stream().filter(r -> !ruleIds.contains(r.id())).toList());
    }

    /** @return the rules this linter runs, in order */
    public List<LintRule> rules() {
        return rules;
    }

    /**
     * Runs every rule.
     *
     * @param context the settings
     * @return the findings
     */
    public LintReport lint(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            findings.addAll(rule.check(context));
        }
        return new LintReport(context.mode(), rules.stream().map(LintRule::id).toList(), findings);
    }
}
