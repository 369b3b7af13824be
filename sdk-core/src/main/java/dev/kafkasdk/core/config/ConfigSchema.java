package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document schema, derived from the key tables: which keys each section holds, for
 * unknown-key checks with did-you-mean and for {@code KAFKA_SDK_...} overrides. Not part of
 * the API.
 */
final class ConfigSchema {

    /** The whole document. */
    static final Schema.Section ROOT = root();

    private ConfigSchema() {}

    private static Schema.Section root() {
        Map<String, Schema.Node> children = new LinkedHashMap<>();
        children.put("cluster", section(ClusterKeys.TABLE, ClusterKeys.TABLE.label()));
        children.put("producers", named(ProducerKeys.TABLE));
        children.put("consumers", named(ConsumerKeys.TABLE));
        children.put("share-consumers", named(ShareConsumerKeys.TABLE));
        children.put("admins", named(AdminKeys.TABLE));
        children.put("topics", named(TopicKeys.TABLE));
        return new Schema.Section("configuration", children);
    }

    private static Schema.Named named(KeyTable<?> table) {
        return new Schema.Named(table.label(), section(table, table.label()));
    }

    private static Schema.Section section(KeyTable<?> table, String label) {
        Map<String, Schema.Node> children = new LinkedHashMap<>();
        for (SettingKey<?> key : table.keys()) {
            if (key != ClusterKeys.STORE_KEY_PASSWORD || label.equals("keystore")) {
                children.put(key.name(), new Schema.Leaf(key.kind() == SettingKey.Kind.LIST));
            }
        }
        table.children().forEach((name, child) -> children.put(name, section(child, name)));
        table.rawSection()
                .ifPresent(raw -> children.put(
                        raw,
                        table.client()
                                .map(c -> new Schema.Raw(c.label() + " config", c.names()))
                                .orElseGet(() -> new Schema.Raw("topic config", KafkaKeys.topicConfigNames()))));
        return new Schema.Section(label, children);
    }
}
