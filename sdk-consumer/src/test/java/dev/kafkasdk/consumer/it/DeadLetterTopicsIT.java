package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/** The start-up check of dead-letter topics: a missing one fails the start, or is created when asked. */
@KafkaBroker
class DeadLetterTopicsIT {

    @Test
    void aMissingDeadLetterTopicFailsTheStartNamingItAndTheFix(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("invoices");
        kafka.createTopic(topic, 1);

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                .deadLetterTimeout(Duration.ofSeconds(5))
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .deadLettersToKafka()
                .recordHandler(record -> {})
                .build()) {
            long started = System.nanoTime();
            consumer.start();

            await().atMost(Duration.ofSeconds(15)).until(() -> consumer.state() == ConsumerState.FAILED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(consumer.failureCause().orElseThrow().getMessage())
                    .contains("Dead-letter topic '" + topic + ".DLT' does not exist")
                    .contains("records of '" + topic + "'")
                    .contains("consumers.it.create-dead-letter-topics: true");
        }
    }

    @Test
    void createDeadLetterTopicsCreatesThemWithTheSourcePartitionsFromTheConfigFile(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("refunds");
        kafka.createTopic(topic, 3);
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml("cluster:\n  bootstrap-servers: " + kafka.bootstrapServers() + "\n"
                        + "producers:\n  dead-letters:\n    max-block: 3s\n"
                        + "consumers:\n  refunds:\n    group-id: " + topic + "-group\n"
                        + "    auto-offset-reset: earliest\n    dead-letter-producer: dead-letters\n"
                        + "    dead-letter-timeout: 10s\n    create-dead-letter-topics: true\n")
                .load();
        kafka.produce(topic, "k", "not a number");

        try (SdkConsumer<String, Integer> consumer = SdkConsumer.builder(
                        config.consumer("refunds"), Serdes.string(), Serdes.integer())
                .subscribe(topic)
                .recordHandler(record -> {})
                .build()) {
            consumer.start();

            var dead = kafka.consume(topic + ".DLT", 1, Duration.ofSeconds(30));
            assertThat(dead)
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("not a number"));
            assertThat(consumer.state()).isNotEqualTo(ConsumerState.FAILED);
        }
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            TopicDescription created = admin.describeTopics(Set.of(topic + ".DLT"))
                    .allTopicNames()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)
                    .get(topic + ".DLT");
            assertThat(created.partitions()).hasSize(3);
        }
    }

    @Test
    void aPublisherThatNamesNoTopicIsNotChecked(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("audit");
        kafka.createTopic(topic, 1);
        kafka.produce(topic, "k", "v");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .deadLetters(letter -> java.util.concurrent.CompletableFuture.completedFuture(null))
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("v"));
        }
    }
}
