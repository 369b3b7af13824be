package dev.kafkasdk.admin;

import java.util.Comparator;
import java.util.List;

/**
 * The findings of one lint run, most serious first.
 *
 * @param mode whether the settings came from a config file only or also from a live cluster
 * @param rulesRun ids of the rules that ran
 * @param findings every finding, sorted by severity, rule id and subject
 * @since 0.1
 */
public record LintReport(LintContext.Mode mode, List<String> rulesRun, List<LintFinding> findings) {

    /**
     * Copies the lists and sorts the findings.
     *
     * @param mode whether the settings came from a config file only or also from a live cluster
     * @param rulesRun ids of the rules that ran
     * @param findings every finding, sorted by severity, rule id and subject
     */
    public LintReport {
        rulesRun = List.copyOf(rulesRun);
        findings = findings.stream()
                .sorted(Comparator.comparing(LintFinding::severity)
                        .thenComparing(LintFinding::ruleId)
                        .thenComparing(LintFinding::subject))
                .toList();
    }

    /** @return true when there is no finding at all */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /** @return true when a finding has severity {@link Severity#ERROR} */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /**
     * @param severity a severity
     * @return how many findings have it
     */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * @param ruleId a rule id
     * @return the findings of that rule
     */
    public List<LintFinding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
