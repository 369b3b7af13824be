package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintContext.RetryFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns the config model's settings into the plain values lint rules read. */
public final class SettingsFacts {

    /** Kafka's {@code num.partitions} and {@code default.replication.factor} defaults. */
    private static final int BROKER_DEFAULT_PARTITIONS = 1;

    private static final int BROKER_DEFAULT_REPLICATION = 1;

    private SettingsFacts() {}

    /**
     * @param settings a producer
     * @return its rendered kafka-clients properties
     */
    public static ClientFacts producer(ProducerSettings settings) {
        return new ClientFacts(settings.name(), strings(settings.toProperties()));
    }

    /**
     * @param settings a consumer
     * @return its rendered kafka-clients properties
     */
    public static ClientFacts consumer(ConsumerSettings settings) {
        return new ClientFacts(settings.name(), strings(settings.toProperties()));
    }

    /**
     * @param settings a consumer
     * @return its retry tiers by main topic, when it sets {@code retry-topics}
     */
    public static Optional<RetryFacts> retry(ConsumerSettings settings) {
        if (settings.retryTopics().isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> tiers = new LinkedHashMap<>();
        settings.topics().forEach(main -> tiers.put(main, settings.retryTierTopics(main)));
        return Optional.of(new RetryFacts(settings.name(), tiers));
    }

    /**
     * A topic spec as lint sees it offline; unset partitions and replication factor take Kafka's
     * broker defaults (1).
     *
     * @param spec a topic spec
     * @return its facts
     */
    public static TopicFacts topic(TopicSpec spec) {
        return new TopicFacts(
                spec.name(),
                spec.partitions().orElse(BROKER_DEFAULT_PARTITIONS),
                spec.replicationFactor().orElse(BROKER_DEFAULT_REPLICATION),
                spec.toTopicConfigs(),
                false);
    }

    private static Map<String, String> strings(Map<String, Object> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                out.put(k, text(v));
            }
        });
        return out;
    }

    private static String text(Object value) {
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(SettingsFacts::text).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
