package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaTestKitException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves which backend a cluster runs on from the requested backend, the node count and the
 * system properties. Pure function of its inputs; thread-safe.
 */
public final class BackendSelector {

    /** The outcome: a concrete backend and, for {@link Backend#EXTERNAL}, the servers to use. */
    public record Selection(Backend backend, Optional<String> bootstrapServers) {}

    private BackendSelector() {}

    /**
     * Selects the backend from the current JVM's system properties.
     *
     * @param requested         the backend from the annotation or options
     * @param nodes             the node count
     * @param optionsBootstrap  bootstrap servers from the options, may be {@code null}
     * @return the selection
     */
    public static Selection fromSystemProperties(Backend requested, int nodes, String optionsBootstrap) {
        return select(
                requested,
                nodes,
                System.getProperty(Backend.SYSTEM_PROPERTY),
                System.getProperty(Backend.BOOTSTRAP_SERVERS_PROPERTY),
                optionsBootstrap);
    }

    /**
     * Applies the selection rule: an explicit {@code kafka.sdk.test.backend} wins; otherwise a
     * non-AUTO requested backend; otherwise bootstrap servers (system property, then options) mean
     * EXTERNAL; otherwise one node runs in-process and more run in child JVMs.
     *
     * @param requested          backend from the annotation or options
     * @param nodes              node count
     * @param backendProperty    raw value of {@code kafka.sdk.test.backend}, may be null, blank or an
     *                           unresolved Maven {@code ${...}} placeholder (all mean unset)
     * @param bootstrapProperty  raw value of {@code kafka.bootstrap.servers}, same conventions
     * @param optionsBootstrap   bootstrap servers from the options, may be {@code null}
     * @return the selection
     * @throws KafkaTestKitException if the property names no backend, EXTERNAL has no servers, or
     *                               the backend cannot run the requested node count
     */
    public static Selection select(
            Backend requested, int nodes, String backendProperty, String bootstrapProperty, String optionsBootstrap) {
        Optional<String> bootstrap = setValue(bootstrapProperty).or(() -> setValue(optionsBootstrap));
        Backend chosen = setValue(backendProperty).map(BackendSelector::parse).orElse(requested);
        if (chosen == Backend.AUTO) {
            chosen = bootstrap.isPresent() ? Backend.EXTERNAL : nodes == 1 ? Backend.IN_PROCESS : Backend.CHILD_JVM;
        }
        check(chosen, nodes, bootstrap);
        return new Selection(chosen, chosen == Backend.EXTERNAL ? bootstrap : Optional.empty());
    }

    /**
     * Treats {@code null}, blank values and unresolved Maven placeholders as unset.
     *
     * @param raw a raw property value
     * @return the trimmed value if it is set
     */
    static Optional<String> setValue(String raw) {
        if (raw == null || raw.isBlank() || raw.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(raw.trim());
    }

    static Backend parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Backend.valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new KafkaTestKitException(
                    "System property " + Backend.SYSTEM_PROPERTY + "=" + value + " names no backend; use one of "
                            + Arrays.toString(Backend.values()),
                    e);
        }
    }

    private static void check(Backend chosen, int nodes, Optional<String> bootstrap) {
        if (chosen == Backend.EXTERNAL && bootstrap.isEmpty()) {
            throw new KafkaTestKitException("Backend EXTERNAL needs the servers of an existing cluster: set -D"
                    + Backend.BOOTSTRAP_SERVERS_PROPERTY
                    + "=host:port (or EmbeddedKafkaOptions.externalBootstrapServers)");
        }
        if (nodes > 1 && (chosen == Backend.IN_PROCESS || chosen == Backend.TESTCONTAINERS)) {
            throw new KafkaTestKitException("Backend " + chosen + " runs a single node but " + nodes
                    + " nodes were requested; use CHILD_JVM (or AUTO) for a multi-node cluster");
        }
    }
}
