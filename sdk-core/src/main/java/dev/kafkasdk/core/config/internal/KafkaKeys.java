package dev.kafkasdk.core.config.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.config.types.Password;

/**
 * What kafka-clients itself knows about its configuration keys: the names each client
 * accepts, their types and defaults, and the topic config names. Not part of the API.
 */
public final class KafkaKeys {

    /** The three kinds of kafka-clients client, with their config definitions. */
    public enum Client {
        /** {@code KafkaProducer}. */
        PRODUCER("producer", "producers", ProducerConfig.configDef(), ProducerConfig.configNames()),
        /** {@code KafkaConsumer}. */
        CONSUMER("consumer", "consumers", ConsumerConfig.configDef(), ConsumerConfig.configNames()),
        /** {@code Admin}. */
        ADMIN("admin", "admins", AdminClientConfig.configDef(), AdminClientConfig.configNames()),
        /**
         * {@code KafkaShareConsumer}: the consumer's configs minus those kafka-clients refuses for share
         * consumers ({@link KafkaKeys#shareUnsupportedReason(String)}).
         */
        SHARE_CONSUMER("share consumer", "share-consumers", ConsumerConfig.configDef(), shareConsumerNames());

        private final String label;
        private final String section;
        private final ConfigDef def;
        private final Set<String> names;

        Client(String label, String section, ConfigDef def, Set<String> names) {
            this.label = label;
            this.section = section;
            this.def = def;
            this.names = Set.copyOf(names);
        }

        /**
         * The singular name used in messages.
         *
         * @return e.g. {@code producer}
         */
        public String label() {
            return label;
        }

        /**
         * The document section holding clients of this kind.
         *
         * @return e.g. {@code producers}
         */
        public String section() {
            return section;
        }

        /**
         * Every config name the client accepts.
         *
         * @return the names
         */
        public Set<String> names() {
            return names;
        }

        /**
         * The type of a key, or {@code null} if the client does not know it.
         *
         * @param key a kafka-clients key
         * @return the type or {@code null}
         */
        public ConfigDef.Type type(String key) {
            ConfigDef.ConfigKey k = names.contains(key) ? def.configKeys().get(key) : null;
            return k == null ? null : k.type;
        }

        /**
         * The validator of a key.
         *
         * @param key a kafka-clients key
         * @return the validator, or {@code null}
         */
        public ConfigDef.Validator validator(String key) {
            ConfigDef.ConfigKey k = def.configKeys().get(key);
            return k == null ? null : k.validator;
        }

        /**
         * The kafka-clients default of a key, as text.
         *
         * @param key a kafka-clients key
         * @return the default, or {@code null} when there is none
         */
        public String defaultValue(String key) {
            ConfigDef.ConfigKey k = def.configKeys().get(key);
            return k == null ? null : render(k.defaultValue);
        }

        /**
         * The kafka-clients default of a key as kafka-clients holds it ({@code Long},
         * {@code Integer}, {@code String}, {@code List}, ...).
         *
         * @param key a kafka-clients key
         * @return the default, or {@code null} when there is none
         */
        public Object defaultObject(String key) {
            ConfigDef.ConfigKey k = def.configKeys().get(key);
            return k == null || k.defaultValue == ConfigDef.NO_DEFAULT_VALUE ? null : k.defaultValue;
        }

        /**
         * The kafka-clients default of a numeric key.
         *
         * @param key a key of type INT or LONG
         * @return the default
         */
        public long defaultLong(String key) {
            return ((Number) def.configKeys().get(key).defaultValue).longValue();
        }
    }

    private static final Set<String> TOPIC_CONFIG_NAMES = readTopicConfigNames();

    /**
     * The consumer configs {@code KafkaShareConsumer} refuses (kafka-clients 4.4's
     * {@code ShareConsumerConfig}), with why: a share group has no offsets to reset or commit per
     * member, and the broker runs membership and assignment.
     */
    private static final Map<String, String> SHARE_UNSUPPORTED = Map.of(
            "auto.offset.reset",
                    "a share group starts where its group config share.auto.offset.reset says; set auto-offset-reset "
                            + "on the share consumer (the SDK applies it as that group config)",
            "enable.auto.commit", "share consumers acknowledge records instead of committing offsets",
            "group.instance.id", "share groups have no static membership",
            "isolation.level", "the isolation level is the share group's config share.isolation.level",
            "partition.assignment.strategy", "the broker assigns partitions to share group members",
            "interceptor.classes", "kafka-clients does not run consumer interceptors on share consumers",
            "session.timeout.ms", "the broker sets it for share groups (group.share.session.timeout.ms)",
            "heartbeat.interval.ms", "the broker sets it for share groups (group.share.heartbeat.interval.ms)",
            "group.protocol", "share consumers always use the share group protocol",
            "group.remote.assignor", "the broker picks the share group assignor (group.share.assignors)");

    private KafkaKeys() {}

    /**
     * Tells whether any client declares the key as a password.
     *
     * @param key a kafka-clients key
     * @return {@code true} for keys such as {@code sasl.jaas.config} or {@code ssl.key.password}
     */
    public static boolean isPassword(String key) {
        for (Client c : Client.values()) {
            if (c.type(key) == ConfigDef.Type.PASSWORD) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every {@code *_CONFIG} constant of {@link TopicConfig}.
     *
     * @return the topic config names
     */
    public static Set<String> topicConfigNames() {
        return TOPIC_CONFIG_NAMES;
    }

    /**
     * Why kafka-clients refuses a consumer config for share consumers.
     *
     * @param key a kafka-clients key
     * @return the reason, or empty when share consumers accept the key
     */
    public static Optional<String> shareUnsupportedReason(String key) {
        return Optional.ofNullable(SHARE_UNSUPPORTED.get(key));
    }

    private static Set<String> shareConsumerNames() {
        Set<String> names = new TreeSet<>(ConsumerConfig.configNames());
        names.removeAll(SHARE_UNSUPPORTED.keySet());
        return names;
    }

    private static Set<String> readTopicConfigNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && f.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read TopicConfig." + f.getName(), e);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static String render(Object value) {
        if (value == null || value == ConfigDef.NO_DEFAULT_VALUE) {
            return null;
        }
        if (value instanceof Password) {
            return "******";
        }
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(KafkaKeys::render).collect(Collectors.joining(","));
        }
        return value.toString();
    }
}
