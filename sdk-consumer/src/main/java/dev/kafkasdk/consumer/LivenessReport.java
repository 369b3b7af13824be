package dev.kafkasdk.consumer;

import dev.kafkasdk.core.internal.Plurals;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings of a {@link LivenessAdvisor} evaluation and the client properties it recommends.
 *
 * <p>Under {@code group.protocol=consumer} the recommendations never contain
 * {@code session.timeout.ms} or {@code heartbeat.interval.ms}: kafka-clients rejects them there, and
 * the findings name the broker's {@code group.consumer.*} settings instead.
 *
 * @param findings the findings, most severe first
 * @param recommendedClientProperties kafka-clients keys and values that would fix the findings
 * @since 0.1
 */
public record LivenessReport(List<LivenessFinding> findings, Map<String, String> recommendedClientProperties) {

    /**
     * Copies the collections.
     *
     * @param findings the findings
     * @param recommendedClientProperties the recommended properties
     */
    public LivenessReport {
        findings = List.copyOf(findings);
        recommendedClientProperties = Map.copyOf(recommendedClientProperties);
    }

    /**
     * The finding with an id.
     *
     * @param id the finding id
     * @return the finding, if present
     */
    public Optional<LivenessFinding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * The most severe finding's severity.
     *
     * @return the severity, {@link LivenessFinding.Severity#INFO} when there are no findings
     */
    public LivenessFinding.Severity worst() {
        return findings.stream()
                .map(LivenessFinding::severity)
                .max(Enum::compareTo)
                .orElse(LivenessFinding.Severity.INFO);
    }

    /**
     * A printable multi-line rendering.
     *
     * @return the report as text
     */
    public String format() {
        StringBuilder out = new StringBuilder("Liveness report (")
                .append(Plurals.count(findings.size(), "finding"))
                .append(")\n");
        for (LivenessFinding finding : findings) {
            out.append("  [")
                    .append(finding.severity())
                    .append("] ")
                    .append(finding.id())
                    .append(": ")
                    .append(finding.message())
                    .append('\n');
            if (!finding.fix().isEmpty()) {
                out.append("      fix: ").append(finding.fix()).append('\n');
            }
        }
        if (!recommendedClientProperties.isEmpty()) {
            out.append("  recommended client properties:\n");
            recommendedClientProperties.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.append("    ")
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue())
                            .append('\n'));
        }
        return out.toString();
    }
}
