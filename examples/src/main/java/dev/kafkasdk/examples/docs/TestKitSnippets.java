package dev.kafkasdk.examples.docs;

import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.util.function.Consumer;

/** Java blocks of {@code docs/test-kit.md} that are not tests themselves, compiled. */
final class TestKitSnippets {

    private TestKitSnippets() {}

    static void embedded(Consumer<String> runDemo) {
        // tag::embedded[]
        try (KafkaCluster kafka = EmbeddedKafka.start()) { // the caller owns and closes it
            runDemo.accept(kafka.bootstrapServers());
        }
        KafkaCluster three =
                EmbeddedKafka.start(EmbeddedKafkaOptions.builder().nodes(3).build()); // child JVMs
        // end::embedded[]
        three.close();
    }
}
