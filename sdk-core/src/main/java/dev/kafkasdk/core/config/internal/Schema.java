package dev.kafkasdk.core.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys a configuration document may hold, as a tree. Used to reject unknown keys with a
 * suggestion, to check node kinds, and to resolve {@code KAFKA_SDK_...} environment
 * overrides. Not part of the API.
 */
public final class Schema {

    /** A schema node. */
    public sealed interface Node permits Section, Named, Leaf, Raw {
    }

    /**
     * A map with fixed keys.
     *
     * @param label    what it is, for messages ({@code producer})
     * @param children the keys and their schemas, in display order
     */
    public record Section(String label, Map<String, Node> children) implements Node {
    }

    /**
     * A map from user-chosen names to elements of one schema.
     *
     * @param label   what an element is ({@code producer})
     * @param element the schema of each element
     */
    public record Named(String label, Section element) implements Node {
    }

    /**
     * A single value.
     *
     * @param listAllowed whether a list of values is accepted too
     */
    public record Leaf(boolean listAllowed) implements Node {
    }

    /**
     * A map of raw kafka keys to values.
     *
     * @param label what the keys are ({@code producer config})
     * @param keys  the valid keys
     */
    public record Raw(String label, Set<String> keys) implements Node {
    }

    private static final Leaf VALUE = new Leaf(false);

    /** The whole document. */
    public static final Section ROOT = section("configuration",
            "cluster", cluster(),
            "producers", new Named("producer", section("producer", "preset", VALUE, "linger", VALUE,
                    "batch-size", VALUE, "compression", VALUE, "acks", VALUE, "idempotence", VALUE,
                    "buffer-memory", VALUE, "max-block", VALUE, "request-timeout", VALUE, "delivery-timeout", VALUE,
                    "max-request-size", VALUE, "max-in-flight", VALUE, "retries", VALUE, "transactional-id", VALUE,
                    "client-id", VALUE, "properties", raw(KafkaKeys.Client.PRODUCER))),
            "consumers", new Named("consumer", section("consumer", "group-id", VALUE, "preset", VALUE,
                    "group-protocol", VALUE, "auto-offset-reset", VALUE, "isolation-level", VALUE,
                    "enable-auto-commit", VALUE, "auto-commit-interval", VALUE, "session-timeout", VALUE,
                    "heartbeat-interval", VALUE, "max-poll-interval", VALUE, "max-poll-records", VALUE,
                    "fetch-min-bytes", VALUE, "fetch-max-wait", VALUE, "fetch-max-bytes", VALUE,
                    "max-partition-fetch-bytes", VALUE, "request-timeout", VALUE, "group-instance-id", VALUE,
                    "assignment-strategy", VALUE, "client-id", VALUE, "properties", raw(KafkaKeys.Client.CONSUMER),
                    "ordering", VALUE, "concurrency", VALUE, "max-in-flight-per-partition", VALUE,
                    "instances", VALUE)),
            "admins", new Named("admin", section("admin", "request-timeout", VALUE, "default-api-timeout", VALUE,
                    "client-id", VALUE, "properties", raw(KafkaKeys.Client.ADMIN))),
            "topics", new Named("topic", section("topic", "partitions", VALUE, "replication-factor", VALUE,
                    "min-insync-replicas", VALUE, "retention", VALUE, "retention-bytes", VALUE,
                    "cleanup-policy", VALUE, "compression-type", VALUE, "max-message-bytes", VALUE,
                    "unclean-leader-election", VALUE, "configs", new Raw("topic config", KafkaKeys.topicConfigNames()))));

    private Schema() {
    }

    private static Section cluster() {
        Section store = section("truststore", "location", VALUE, "password", VALUE, "type", VALUE);
        Section keystore = section("keystore", "location", VALUE, "password", VALUE, "key-password", VALUE,
                "type", VALUE);
        Section sasl = section("sasl", "mechanism", VALUE, "username", VALUE, "password", VALUE,
                "token-endpoint-url", VALUE, "client-id", VALUE, "client-secret", VALUE, "scope", VALUE);
        Section security = section("security", "protocol", VALUE, "sasl", sasl, "truststore", store,
                "keystore", keystore);
        return section("cluster", "bootstrap-servers", new Leaf(true), "client-id-prefix", VALUE,
                "security", security);
    }

    private static Raw raw(KafkaKeys.Client client) {
        return new Raw(client.label() + " config", client.names());
    }

    private static Section section(String label, Object... keyValues) {
        Map<String, Node> children = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            children.put((String) keyValues[i], (Node) keyValues[i + 1]);
        }
        return new Section(label, children);
    }
}
