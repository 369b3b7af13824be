package dev.kafkasdk.examples.docs;

import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.consumer.ShareOutcome;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.examples.Order;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The Java blocks of {@code docs/share-consumer.md}, compiled; {@code DocsSnippetsTest} keeps the copies equal. */
final class ShareConsumerSnippets {

    private ShareConsumerSnippets() {}

    static void consume(Consumer<Order> orders, MeterRegistry meterRegistry, Runnable untilShutdown) {
        // tag::share[]
        KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka.yaml"));
        SdkShareConsumer<String, Order> workers = SdkShareConsumer.builder(
                        config.shareConsumer("fulfilment"), Serdes.string(), Serdes.json(Order.class))
                .subscribe("orders")
                .recordHandler(record -> orders.accept(record.value())) // thread-safe: runs on N workers
                .retryOn(e -> !(e instanceof IllegalArgumentException)) // not worth another delivery
                .metrics(meterRegistry, Tags.of("app", "fulfilment"))
                .build();
        workers.start();
        untilShutdown.run();
        workers.close(Duration.ofSeconds(10)); // acknowledge the current poll's records, then leave
        // end::share[]
    }

    static void batch(KafkaSdkConfig config, Predicate<Order> valid, Consumer<List<Order>> saveAll) {
        // tag::share-batch[]
        SdkShareConsumer<String, Order> workers = SdkShareConsumer.builder(
                        config.shareConsumer("fulfilment"), Serdes.string(), Serdes.json(Order.class))
                .subscribe("orders")
                .batchHandler(batch -> {
                    List<Order> good = new ArrayList<>();
                    for (ConsumerRecord<String, Order> record : batch) {
                        if (valid.test(record.value())) {
                            good.add(record.value()); // no outcome set: ACCEPT when the handler returns
                        } else {
                            batch.outcome(record, ShareOutcome.REJECT); // the on-exhausted action at once
                        }
                    }
                    saveAll.accept(good); // throws: every record without an outcome counts as failed
                })
                .build();
        workers.start();
        // end::share-batch[]
    }
}
