package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import java.util.List;
import java.util.function.Function;

/** A built-in rule: an id, a title and the check as a function. */
record Rule(String id, String title, Function<LintContext, List<LintFinding>> checker) implements LintRule {

    @Override
    public List<LintFinding> check(LintContext context) {
        return checker.apply(context);
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
