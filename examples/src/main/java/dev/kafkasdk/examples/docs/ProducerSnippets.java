package dev.kafkasdk.examples.docs;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.examples.Order;
import dev.kafkasdk.producer.CircuitBreakerSettings;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.producer.TransactionalProducer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Java blocks of {@code docs/producer.md}, compiled; {@code DocsSnippetsTest} keeps the copies equal. */
final class ProducerSnippets {

    private static final Logger log = LoggerFactory.getLogger(ProducerSnippets.class);

    private ProducerSnippets() {}

    static void send(Order order, String traceId) {
        // tag::send[]
        KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka-sdk.yaml"));

        try (SdkProducer<String, Order> orders =
                SdkProducer.create(config.producer("orders"), Serdes.string(), Serdes.json(Order.class))) {

            orders.send(OutgoingRecord.<String, Order>builder("orders")
                            .key(order.id()) // same key -> same partition
                            .value(order)
                            .header("trace-id", traceId)
                            .build())
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            log.warn("order {} not stored", order.id(), failure);
                        } else {
                            log.debug("stored at {}-{}@{}", result.topic(), result.partition(), result.offset());
                        }
                    });

            // callback form, and the rare synchronous case
            orders.send(OutgoingRecord.of("orders", order.id(), order), (result, failure) -> log.debug("sent"));
            SendResult stored =
                    orders.sendAndWait(OutgoingRecord.of("orders", order.id(), order), Duration.ofSeconds(10));
            log.info("stored at offset {}", stored.offset());
        }
        // end::send[]
    }

    static SdkProducer<String, Order> builder(KafkaSdkConfig config, Executor appExecutor, MeterRegistry registry) {
        // tag::builder[]
        SdkProducer<String, Order> orders = SdkProducer.builder(
                        config.producer("orders"), Serdes.string(), Serdes.json(Order.class))
                .completionExecutor(appExecutor) // default: one SDK-owned thread
                .metrics(registry, Tags.empty()) // default: no metrics, no cost
                .circuitBreaker(CircuitBreakerSettings.defaults()) // or your own Resilience4j breaker
                .maxInFlight(50_000) // default: no cap beyond buffer.memory
                .build();
        // end::builder[]
        return orders;
    }

    static void transaction(KafkaSdkConfig config, String account, String other, String amount) {
        // tag::transaction[]
        try (TransactionalProducer<String, String> ledger =
                TransactionalProducer.create(config.producer("ledger"), Serdes.string(), Serdes.string())) {
            ledger.runInTransaction(tx -> {
                tx.send("debits", account, amount);
                tx.send("credits", other, amount);
            });
        }
        // end::transaction[]
    }

    static void consumeTransformProduce(
            TransactionalProducer<String, String> ledger,
            Iterable<ConsumerRecord<String, String>> batch,
            Map<TopicPartition, OffsetAndMetadata> nextOffsets,
            ConsumerGroupMetadata groupMetadata) {
        // tag::consume-transform-produce[]
        ledger.runInTransaction(tx -> {
            for (ConsumerRecord<String, String> in : batch) {
                tx.send("out", in.key(), transform(in.value()));
            }
            tx.sendOffsets(nextOffsets, groupMetadata); // committed with the records, or neither
        });
        // end::consume-transform-produce[]
    }

    static SdkProducer<String, String> circuitBreaker(ProducerSettings settings) {
        // tag::circuit-breaker[]
        SdkProducer<String, String> producer = SdkProducer.builder(settings, Serdes.string(), Serdes.string())
                .circuitBreaker(CircuitBreakerSettings.custom()
                        .failureRateThreshold(50) // percent of the window
                        .slidingWindowSize(10) // last 10 sends
                        .minimumNumberOfCalls(5)
                        .waitInOpenState(Duration.ofSeconds(10))
                        .permittedCallsInHalfOpenState(3) // probe sends before closing again
                        .build())
                .build();
        // end::circuit-breaker[]
        return producer;
    }

    private static String transform(String value) {
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
