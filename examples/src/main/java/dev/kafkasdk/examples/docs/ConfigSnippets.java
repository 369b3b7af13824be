package dev.kafkasdk.examples.docs;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import java.nio.file.Path;
import java.util.Map;

/** The Java blocks of {@code docs/configuration.md}, compiled; {@code DocsSnippetsTest} keeps the copies equal. */
final class ConfigSnippets {

    private ConfigSnippets() {}

    static Map<String, Object> loadAndRender() {
        // tag::load-render[]
        KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka.yaml")); // or .json / .properties
        Map<String, Object> props = config.producer("orders").toProperties(); // exact kafka-clients properties
        System.out.println(config.producer("orders").describe());
        // end::load-render[]
        return props;
    }
}
