package dev.kafkasdk.examples.docs;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerAuthorizationException;
import dev.kafkasdk.consumer.ConsumerNotReadyException;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.examples.Order;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** The Java blocks of {@code docs/consumer.md}, compiled; {@code DocsSnippetsTest} keeps the copies equal. */
final class ConsumerSnippets {

    private ConsumerSnippets() {}

    static void consume(Consumer<Order> orders, MeterRegistry meterRegistry, Runnable untilShutdown) {
        // tag::consume[]
        KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka.yaml"));
        SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        config.consumer("orders"), Serdes.string(), Serdes.json(Order.class))
                .subscribe("orders")
                .recordHandler(record -> orders.accept(record.value())) // or .batchHandler(batch -> ...)
                .commitMode(CommitMode.syncPerBatch())
                .failurePolicy(FailurePolicy.builder()
                        .maxAttempts(5)
                        .backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30))
                        .onExhausted(FailureAction.DEAD_LETTER)
                        .build())
                .deadLettersToKafka() // <topic>.DLT
                .metrics(meterRegistry, Tags.of("app", "billing"))
                .build();
        consumer.start();
        untilShutdown.run();
        consumer.close(Duration.ofSeconds(10)); // finish or abandon the round, commit, close
        // end::consume[]
    }

    static SdkConsumer<String, Order> retryTopics(KafkaSdkConfig config, Consumer<Order> orders) {
        // tag::retry-topics[]
        SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        config.consumer("orders"), Serdes.string(), Serdes.json(Order.class))
                .subscribe("orders") // also reads orders-retry-5s, orders-retry-1m, orders-retry-10m
                .recordHandler(record -> orders.accept(record.value()))
                .failurePolicy(
                        FailurePolicy.retryTopics(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10))
                                .thenDeadLetter()) // then orders.DLT
                .build();
        // end::retry-topics[]
        return consumer;
    }

    static void awaitReady(KafkaSdkConfig config, Consumer<Order> orders) throws InterruptedException {
        // tag::ready[]
        SdkConsumer<String, Order> consumer = SdkConsumer.create(
                config.consumer("orders"),
                Serdes.string(),
                Serdes.json(Order.class),
                r -> orders.accept(r.value()),
                "orders");
        consumer.start();
        try {
            consumer.awaitReady(Duration.ofSeconds(45)); // the group assigned this member its partitions
        } catch (ConsumerNotReadyException e) {
            // e.state(): STARTING (still waiting; the message says for what) or FAILED (the cause says why)
            if (e.getCause() instanceof ConsumerAuthorizationException denied) {
                System.err.println(denied.resourceType() + " " + denied.resources() + " refused to "
                        + denied.principal().orElse("this principal"));
            }
            throw e;
        }
        // end::ready[]
    }
}
