package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key of the producer, consumer, admin and topic tables, set alone in YAML, JSON and
 * .properties, loads to the same typed value and renders to its kafka-clients key; every key
 * with a type or bound that can be broken has a bad value that is reported at its path.
 */
class KeyTableRoundTripTest {

    static final String NAME = "k1";

    /** Sample values that satisfy the cross-field rules when set alone. */
    static final Map<String, String> SAMPLES = Map.of(
            "producers.<name>.delivery-timeout", "150s",
            "producers.<name>.acks", "all",
            "consumers.<name>.session-timeout", "60s",
            "consumers.<name>.retry-topics", "5s,1m",
            "consumers.<name>.topics", "orders,refunds",
            "consumers.<name>.dead-letter-producer", NAME,
            "admins.<name>.default-api-timeout", "90s",
            "share-consumers.<name>.auto-offset-reset", "EARLIEST",
            "share-consumers.<name>.delivery-count-limit", "6");

    record Case(KeyTable<?> table, SettingKey<?> key, String text) {}

    static Stream<Named<Case>> validCases() {
        List<Named<Case>> cases = new ArrayList<>();
        for (KeyTable<?> table : List.of(
                ProducerKeys.TABLE, ConsumerKeys.TABLE, ShareConsumerKeys.TABLE, AdminKeys.TABLE, TopicKeys.TABLE)) {
            for (SettingKey<?> key : table.keys()) {
                String text = Optional.ofNullable(SAMPLES.get(table.path() + "." + key.name()))
                        .orElseGet(() -> sample(key));
                cases.add(Named.of(key + " = " + text, new Case(table, key, text)));
            }
        }
        return cases.stream();
    }

    static String sample(SettingKey<?> key) {
        return switch (key.kind()) {
            case DURATION -> "3s";
            case BYTE_SIZE -> "3KiB";
            case INT -> "3";
            case BOOLEAN -> "true";
            case STRING -> "sample-value";
            case ENUM -> ((Enum<?>) key.type().getEnumConstants()[key.type().getEnumConstants().length - 1]).name();
            case LIST -> "h1:9092,h2:9093";
            case SECRET -> "s3cret";
        };
    }

    /** The document holding the one key, as a tree of section -> element -> key -> text. */
    static Map<String, Map<String, String>> document(Case c) {
        Map<String, Map<String, String>> doc = new LinkedHashMap<>();
        doc.put("cluster", Map.of("bootstrap-servers", "broker1:9092"));
        Map<String, String> element = new LinkedHashMap<>();
        if (c.table() == ConsumerKeys.TABLE && c.key() != ConsumerKeys.GROUP_ID) {
            element.put("group-id", "base-group");
        }
        if (c.table() == ShareConsumerKeys.TABLE && c.key() != ShareConsumerKeys.GROUP_ID) {
            element.put("group-id", "base-group");
        }
        element.put(c.key().name(), c.text());
        doc.put(section(c.table()), element);
        if (c.key() == ConsumerKeys.DEAD_LETTER_PRODUCER) {
            // the named producer must be declared
            doc.put("producers", Map.of("acks", "all"));
        }
        return doc;
    }

    static String section(KeyTable<?> table) {
        return table.path().replace(".<name>", "");
    }

    static String yaml(Map<String, Map<String, String>> doc) {
        StringBuilder sb = new StringBuilder();
        doc.forEach((section, entries) -> {
            sb.append(section).append(":\n");
            String indent = section.equals("cluster") ? "  " : "    ";
            if (!section.equals("cluster")) {
                sb.append("  ").append(NAME).append(":\n");
            }
            entries.forEach((k, v) ->
                    sb.append(indent).append(k).append(": '").append(v).append("'\n"));
        });
        return sb.toString();
    }

    static String json(Map<String, Map<String, String>> doc) {
        List<String> sections = new ArrayList<>();
        doc.forEach((section, entries) -> {
            List<String> pairs = new ArrayList<>();
            entries.forEach((k, v) -> pairs.add("\"" + k + "\": \"" + v + "\""));
            String body = "{" + String.join(", ", pairs) + "}";
            sections.add(
                    "\"" + section + "\": " + (section.equals("cluster") ? body : "{\"" + NAME + "\": " + body + "}"));
        });
        return "{" + String.join(", ", sections) + "}";
    }

    static String properties(Map<String, Map<String, String>> doc) {
        StringBuilder sb = new StringBuilder();
        doc.forEach((section, entries) -> entries.forEach((k, v) -> sb.append(section)
                .append(section.equals("cluster") ? "" : "." + NAME)
                .append('.')
                .append(k)
                .append('=')
                .append(v)
                .append('\n')));
        return sb.toString();
    }

    static List<KafkaSdkConfig> loadAllFormats(Map<String, Map<String, String>> doc) {
        return List.of(
                KafkaSdkConfig.loader().environment(Map.of()).yaml(yaml(doc)).load(),
                KafkaSdkConfig.loader().environment(Map.of()).json(json(doc)).load(),
                KafkaSdkConfig.loader()
                        .environment(Map.of())
                        .properties(properties(doc))
                        .load());
    }

    static TypedSettings settings(KafkaSdkConfig config, KeyTable<?> table) {
        if (table == ProducerKeys.TABLE) {
            return config.producer(NAME);
        }
        if (table == ConsumerKeys.TABLE) {
            return config.consumer(NAME);
        }
        if (table == ShareConsumerKeys.TABLE) {
            return config.shareConsumer(NAME);
        }
        return table == AdminKeys.TABLE ? config.admin(NAME) : config.topic(NAME);
    }

    @ParameterizedTest
    @MethodSource("validCases")
    void everyKeyRoundTripsFromEachFormatToSettingsAndProperties(Case c) {
        Object expected = c.key().parse(c.text());
        String rendered = c.key().render(expected);

        for (KafkaSdkConfig config : loadAllFormats(document(c))) {
            TypedSettings s = settings(config, c.table());
            assertThat(s.get(c.key()).map(Object.class::cast)).contains(expected);
            assertThat(s.origins()).containsEntry(c.key().name(), Origin.FILE);
            c.key().kafkaKey().ifPresent(kafkaKey -> {
                if (s instanceof ClientSettings client) {
                    assertThat(client.toProperties()).containsEntry(kafkaKey, rendered);
                    assertThat(client.origin(kafkaKey)).isEqualTo(Origin.FILE);
                    assertThat(client.effective(c.key()).map(Object.class::cast))
                            .contains(expected);
                    assertThat(client.describe()).contains(kafkaKey);
                } else {
                    assertThat(((TopicSpec) s).toTopicConfigs()).containsEntry(kafkaKey, rendered);
                }
            });
        }
    }

    static Stream<Named<Case>> badCases() {
        List<Named<Case>> cases = new ArrayList<>();
        for (KeyTable<?> table : List.of(
                ProducerKeys.TABLE, ConsumerKeys.TABLE, ShareConsumerKeys.TABLE, AdminKeys.TABLE, TopicKeys.TABLE)) {
            for (SettingKey<?> key : table.keys()) {
                bad(key).forEach(text -> cases.add(Named.of(key + " = '" + text + "'", new Case(table, key, text))));
            }
        }
        return cases.stream();
    }

    /** Values of the key's type that must be rejected: wrong form, and out of bounds. */
    static List<String> bad(SettingKey<?> key) {
        List<String> values = new ArrayList<>();
        switch (key.kind()) {
            case DURATION -> {
                values.add("soon");
                values.add("5000");
                values.add("-5s");
                if (key.boundsText().contains("> 0")) {
                    values.add("0ms");
                }
                if (key.boundsText().contains("2147483647")) {
                    values.add("25d");
                }
            }
            case BYTE_SIZE -> {
                values.add("10XB");
                values.add("64 KB/s");
                if (key.boundsText().contains("> 0")) {
                    values.add("0B");
                }
                if (key.boundsText().contains("2147483647")) {
                    values.add("4GiB");
                }
            }
            case INT -> {
                values.add("many");
                values.add("99999999999");
                if (key.boundsText().startsWith(">= ")) {
                    values.add(Long.toString(
                            Long.parseLong(key.boundsText().substring(3).split(",")[0]) - 1));
                }
            }
            case BOOLEAN -> values.add("yes-please");
            case ENUM -> values.add("bogus-value");
            case STRING -> {
                if (key.boundsText().contains("not blank")) {
                    values.add("   ");
                }
            }
            default -> {}
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("badCases")
    void everyKeyRejectsBadValuesAtItsPathInEachFormat(Case c) {
        Map<String, Map<String, String>> doc = document(c);
        String path = section(c.table()) + "." + NAME + "." + c.key().name();
        for (KafkaSdkConfig.Loader loader : List.of(
                KafkaSdkConfig.loader().environment(Map.of()).yaml(yaml(doc)),
                KafkaSdkConfig.loader().environment(Map.of()).json(json(doc)),
                KafkaSdkConfig.loader().environment(Map.of()).properties(properties(doc)))) {
            ConfigException e = catchThrowableOfType(ConfigException.class, loader::load);
            assertThat(e).as("no ConfigException").isNotNull();
            assertThat(e.problems()).extracting(ConfigProblem::path).contains(path);
        }
    }
}
