package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Effective values for lint rules: what is set, else what the broker sets, else Kafka's documented
 * default. Client defaults come from kafka-clients' own {@link ConfigDef}s so they follow the version in
 * the pom; broker defaults are those of Kafka 4.4.
 */
final class LintValues {

    /** Broker {@code message.max.bytes} default: 1 MiB plus 12 bytes of record-batch log overhead. */
    static final long BROKER_MESSAGE_MAX_BYTES = 1_048_588L;

    /** The log overhead the broker default adds on top of 1 MiB; sizes within it count as matching. */
    static final long LOG_OVERHEAD = 12L;

    /** Broker {@code group.min.session.timeout.ms} default. */
    static final long GROUP_MIN_SESSION_TIMEOUT_MS = 6_000L;

    /** Broker {@code group.max.session.timeout.ms} default. */
    static final long GROUP_MAX_SESSION_TIMEOUT_MS = 1_800_000L;

    private static final Map<String, String> PRODUCER_DEFAULTS = defaults(ProducerConfig.configDef());
    private static final Map<String, String> CONSUMER_DEFAULTS = defaults(ConsumerConfig.configDef());

    /** Topic config name to the broker config that supplies its default. */
    private static final Map<String, String> BROKER_EQUIVALENT = Map.of(
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "message.max.bytes",
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "min.insync.replicas",
            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "unclean.leader.election.enable",
            TopicConfig.FLUSH_MESSAGES_INTERVAL_CONFIG, "log.flush.interval.messages",
            TopicConfig.FLUSH_MS_CONFIG, "log.flush.interval.ms");

    /** Kafka 4.4's broker defaults for the settings the rules read. */
    private static final Map<String, String> BROKER_DEFAULTS = Map.of(
            "message.max.bytes", Long.toString(BROKER_MESSAGE_MAX_BYTES),
            "min.insync.replicas", "1",
            "unclean.leader.election.enable", "false",
            "log.flush.interval.messages", Long.toString(Long.MAX_VALUE),
            "group.min.session.timeout.ms", Long.toString(GROUP_MIN_SESSION_TIMEOUT_MS),
            "group.max.session.timeout.ms", Long.toString(GROUP_MAX_SESSION_TIMEOUT_MS));

    private LintValues() {}

    private static Map<String, String> defaults(ConfigDef def) {
        return def.defaultValues().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> render(e.getValue())));
    }

    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(LintValues::render).collect(Collectors.joining(","));
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        return String.valueOf(value);
    }

    static Optional<String> producer(ClientFacts producer, String key) {
        return Optional.ofNullable(producer.properties().getOrDefault(key, PRODUCER_DEFAULTS.get(key)));
    }

    static Optional<String> consumer(ClientFacts consumer, String key) {
        return Optional.ofNullable(consumer.properties().getOrDefault(key, CONSUMER_DEFAULTS.get(key)));
    }

    static long producerLong(ClientFacts producer, String key) {
        return producer(producer, key).map(LintValues::parseLong).orElse(0L);
    }

    static long consumerLong(ClientFacts consumer, String key) {
        return consumer(consumer, key).map(LintValues::parseLong).orElse(0L);
    }

    /** True when the producer waits for every in-sync replica ({@code acks=all} or {@code -1}). */
    static boolean acksAll(ClientFacts producer) {
        String acks = producer(producer, ProducerConfig.ACKS_CONFIG)
                .orElse("all")
                .trim()
                .toLowerCase(Locale.ROOT);
        return acks.equals("all") || acks.equals("-1");
    }

    /** True when the consumer uses the classic group protocol (session timeout set by the client). */
    static boolean classicProtocol(ClientFacts consumer) {
        return consumer(consumer, ConsumerConfig.GROUP_PROTOCOL_CONFIG)
                .orElse("classic")
                .trim()
                .equalsIgnoreCase("classic");
    }

    /** A broker setting: the first broker that sets it, else the Kafka default. */
    static Optional<String> broker(LintContext context, String key) {
        return context.brokers().stream()
                .map(b -> b.configs().get(key))
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .or(() -> Optional.ofNullable(BROKER_DEFAULTS.get(key)));
    }

    /** A topic setting: set on the topic, else inherited from the broker, else the Kafka default. */
    static Optional<String> topic(LintContext context, TopicFacts topic, String key) {
        String own = topic.configs().get(key);
        if (own != null && !own.isBlank()) {
            return Optional.of(own);
        }
        String brokerKey = BROKER_EQUIVALENT.get(key);
        return brokerKey == null ? Optional.empty() : broker(context, brokerKey);
    }

    static long topicLong(LintContext context, TopicFacts topic, String key, long fallback) {
        return topic(context, topic, key).map(LintValues::parseLong).orElse(fallback);
    }

    static boolean topicBoolean(LintContext context, TopicFacts topic, String key) {
        return topic(context, topic, key)
                .map(v -> Boolean.parseBoolean(v.trim()))
                .orElse(false);
    }

    static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    static String bytes(long value) {
        if (value >= 1024 * 1024 && value % (1024 * 1024) == 0) {
            return value + " (" + value / (1024 * 1024) + " MiB)";
        }
        if (value >= 1024 && value % 1024 == 0) {
            return value + " (" + value / 1024 + " KiB)";
        }
        return Long.toString(value);
    }
}
