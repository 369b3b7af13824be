package dev.kafkasdk.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates {@code docs/config-reference.md} from the key tables: every key of every section
 * with its type, default, preset values, kafka-clients key, bounds and doc. A unit test
 * compares the checked-in file with this output. Not part of the API.
 */
final class ConfigReference {

    /** How to regenerate the checked-in file. */
    static final String REGENERATE = "./mvnw -B -o -pl sdk-core test -Dtest=ConfigReferenceTest -Dregenerate=true";

    private ConfigReference() {}

    /** @return the whole reference as Markdown */
    static String markdown() {
        StringBuilder sb = new StringBuilder("""
                # Configuration reference

                <!-- Generated from the key tables in sdk-core (ClusterKeys, ProducerKeys, ConsumerKeys, ShareConsumerKeys, AdminKeys,
                     TopicKeys); do not edit. Regenerate with:
                     %s -->

                Every key a configuration file (YAML, JSON or `.properties`) may hold. Durations take a unit
                (`250ms`, `5s`, `2m`, `1h`, `7d`, or ISO-8601 such as `PT5S`) and render in milliseconds; byte
                sizes take a unit (`512B`, `64KiB`, `32MiB`, `1GiB`) and render in bytes. Any key can be
                overridden with an environment variable `KAFKA_SDK_<PATH>`, e.g.
                `KAFKA_SDK_PRODUCERS_ORDERS_LINGER=20ms`. Values resolve in this order, later winning: preset,
                SDK default, file, environment, code; raw `properties` apply last but may not repeat a typed key.
                """.formatted(REGENERATE));
        for (KeyTable<?> table : tables()) {
            section(sb, table);
        }
        return sb.toString();
    }

    private static List<KeyTable<?>> tables() {
        List<KeyTable<?>> all = new ArrayList<>();
        all.add(ClusterKeys.TABLE);
        all.add(ClusterKeys.SECURITY);
        all.add(ClusterKeys.SASL);
        all.add(ClusterKeys.STORE);
        all.add(ProducerKeys.TABLE);
        all.add(ConsumerKeys.TABLE);
        all.add(ShareConsumerKeys.TABLE);
        all.add(AdminKeys.TABLE);
        all.add(TopicKeys.TABLE);
        return all;
    }

    private static void section(StringBuilder sb, KeyTable<?> table) {
        sb.append("\n## `").append(table.path()).append("`\n\n");
        boolean presets = !table.presets().isEmpty();
        sb.append("| key | type | default |")
                .append(presets ? " presets |" : "")
                .append(" kafka-clients key | bounds | description |\n");
        sb.append("|---|---|---|").append(presets ? "---|" : "").append("---|---|---|\n");
        for (SettingKey<?> key : table.keys()) {
            sb.append("| `")
                    .append(key.name())
                    .append("` | ")
                    .append(cell(type(key)))
                    .append(" | ")
                    .append(cell(defaultText(table, key)))
                    .append(" |");
            if (presets) {
                sb.append(' ').append(cell(presetText(key))).append(" |");
            }
            sb.append(' ')
                    .append(key.kafkaKey().map(k -> "`" + k + "`").orElse(""))
                    .append(" | ")
                    .append(cell(key.boundsText()))
                    .append(" | ")
                    .append(cell(key.doc()))
                    .append(" |\n");
        }
        table.rawSection()
                .ifPresent(raw -> sb.append("\n`")
                        .append(raw)
                        .append("`: a map of raw ")
                        .append(table.client()
                                .map(c -> "kafka-clients " + c.label() + " configs")
                                .orElse("topic configs"))
                        .append(
                                ", applied after the typed keys; unknown keys are rejected with a suggestion, and a raw key "
                                        + "may not repeat a typed key set on the same ")
                        .append(table.label())
                        .append(".\n"));
    }

    private static String type(SettingKey<?> key) {
        if (key.kind() == SettingKey.Kind.ENUM) {
            return "enum: "
                    + Stream.of(key.type().getEnumConstants()).map(key::display).collect(Collectors.joining(", "));
        }
        return key.kind().label();
    }

    private static String defaultText(KeyTable<?> table, SettingKey<?> key) {
        if (!key.defaultText().isEmpty()
                || key.kafkaKey().isEmpty()
                || table.client().isEmpty()) {
            return key.defaultText();
        }
        String kafka = table.client().get().defaultValue(key.kafkaKey().get());
        return kafka == null || kafka.isEmpty() ? "" : "kafka-clients: " + kafka;
    }

    private static String presetText(SettingKey<?> key) {
        return key.table().presets().stream()
                .map(p -> ((Enum<?>) p).name())
                .filter(key.presetValues()::containsKey)
                .map(p -> p + "=" + key.display(key.presetValues().get(p)))
                .collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
