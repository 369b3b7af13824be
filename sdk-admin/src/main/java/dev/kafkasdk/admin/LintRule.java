package dev.kafkasdk.admin;

import java.util.List;

/**
 * A check over producer, consumer, topic and broker settings. Implementations are stateless and
 * thread-safe; {@link ConfigLinter#defaults()} holds the built-in rules.
 *
 * @since 0.1
 */
public interface LintRule {

    /** @return the stable id, {@code KSDK-L} followed by three digits for built-in rules */
    String id();

    /** @return a one-line description of what the rule checks */
    String title();

    /**
     * Checks the settings.
     *
     * @param context the settings to check, offline (config file) or online (read from a cluster)
     * @return the findings, empty when the settings pass
     */
    List<LintFinding> check(LintContext context);
}
