package dev.kafkasdk.examples;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asynchronous sends with callbacks, once per producer preset: the main thread never waits for a
 * single record; each callback (run on the SDK's completion thread, not Kafka's I/O thread) records
 * its latency, partition and outcome.
 *
 * <pre>
 *   examples/run AsyncProducerExample [--records 2000] [--bootstrap-servers host:port]
 * </pre>
 */
public final class AsyncProducerExample {

    private AsyncProducerExample() {}

    /**
     * What one producer sent.
     *
     * @param producer     the producer's name
     * @param preset       its preset
     * @param sent         records handed to {@code send}
     * @param acknowledged records the broker acknowledged
     * @param failed       records that failed
     * @param p50Nanos     median latency from {@code send} to callback
     * @param p99Nanos     99th percentile latency
     * @param elapsed      from the first send to the last callback
     * @param perPartition acknowledged records per partition
     * @param lastTimestamp the latest record timestamp the broker reported
     * @param firstFailure the first failure's message, or empty
     */
    public record Result(
            String producer,
            ProducerPreset preset,
            int sent,
            int acknowledged,
            int failed,
            long p50Nanos,
            long p99Nanos,
            Duration elapsed,
            Map<Integer, Integer> perPartition,
            Instant lastTimestamp,
            String firstFailure) {

        /** @return records per second over {@link #elapsed()} */
        public double recordsPerSecond() {
            return acknowledged * 1_000_000_000.0 / Math.max(1, elapsed.toNanos());
        }

        /** @return one readable line */
        public String format() {
            return String.format(
                    Locale.ROOT,
                    "%-15s %-15s %5d sent, %5d acked, %d failed | latency p50 %s p99 %s"
                            + " | %s, %.0f records/s | per partition %s%s",
                    producer,
                    preset,
                    sent,
                    acknowledged,
                    failed,
                    Console.millis(p50Nanos),
                    Console.millis(p99Nanos),
                    Console.format(elapsed),
                    recordsPerSecond(),
                    perPartition,
                    firstFailure.isEmpty() ? "" : " | first failure: " + firstFailure);
        }
    }

    /**
     * Sends {@code --records} orders with three presets and prints each preset's numbers.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            String topic = kafka.name("examples.orders");
            ExampleTopics.ensure(kafka.settings(), ExampleTopics.topic(topic, 3));
            int records = kafka.args().intOption("records", 2000);
            int first = 0;
            for (ProducerPreset preset :
                    List.of(ProducerPreset.LOW_LATENCY, ProducerPreset.BALANCED, ProducerPreset.HIGH_THROUGHPUT)) {
                ProducerSettings settings = ProducerSettings.builder()
                        .name(preset.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .cluster(kafka.settings())
                        .preset(preset)
                        .build();
                Console.line(send(settings, topic, records, first).format());
                first += records;
            }
        }
    }

    /**
     * Sends orders {@code firstOrder .. firstOrder + records - 1} (keyed by order id) without
     * waiting for any single one, then waits for every callback.
     *
     * @param settings   the producer's settings (its preset decides batching, acks, compression)
     * @param topic      an existing topic
     * @param records    how many orders
     * @param firstOrder the number of the first order, so that several runs send distinct orders
     * @return what was sent, with latencies from {@code send} to callback
     * @throws InterruptedException  if interrupted while waiting for callbacks
     * @throws IllegalStateException if callbacks are missing after two minutes
     */
    public static Result send(ProducerSettings settings, String topic, int records, int firstOrder)
            throws InterruptedException {
        LatencyStats latencies = new LatencyStats();
        Map<Integer, Integer> perPartition = new ConcurrentHashMap<>();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastTimestamp = new AtomicLong();
        AtomicReference<KafkaSdkException> firstFailure = new AtomicReference<>();
        CountDownLatch callbacks = new CountDownLatch(records);
        Duration elapsed;
        try (SdkProducer<String, Order> producer =
                SdkProducer.create(settings, Serdes.string(), Serdes.json(Order.class))) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                Order order = Order.sample(firstOrder + i);
                long sentAt = System.nanoTime();
                // tag::send-callback[]
                producer.send(OutgoingRecord.of(topic, order.id(), order), (result, failure) -> {
                    if (failure == null) {
                        latencies.add(System.nanoTime() - sentAt);
                        perPartition.merge(result.partition(), 1, Integer::sum);
                        lastTimestamp.accumulateAndGet(result.timestamp().toEpochMilli(), Math::max);
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                    callbacks.countDown();
                });
                // end::send-callback[]
            }
            if (!callbacks.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(callbacks.getCount() + " of " + records + " callbacks missing");
            }
            elapsed = Duration.ofNanos(System.nanoTime() - start);
        }
        return new Result(
                settings.name(),
                settings.preset(),
                records,
                acked.get(),
                failed.get(),
                latencies.percentile(50),
                latencies.percentile(99),
                elapsed,
                new TreeMap<>(perPartition),
                Instant.ofEpochMilli(lastTimestamp.get()),
                firstFailure.get() == null ? "" : firstFailure.get().getMessage());
    }
}
