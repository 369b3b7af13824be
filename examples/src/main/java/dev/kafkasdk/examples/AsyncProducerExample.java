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
import java.util.concurrent.locks.LockSupport;

/**
 * Asynchronous sends with callbacks, once per producer preset: the main thread never waits for a
 * single record; each callback (run on the SDK's completion thread, not Kafka's I/O thread) records
 * its latency, partition and outcome.
 *
 * <p>By default the records go out at a fixed rate ({@code --rate}, 2,000 records/s): each has an
 * intended send time on a fixed schedule and its latency is measured from that time, so a stalled
 * {@code send} counts against every record scheduled behind it. {@code --burst} issues every
 * {@code send} at once instead; its latencies then include the wait behind the other records, and the
 * output says "burst".
 *
 * <pre>
 *   examples/run AsyncProducerExample [--records 2000] [--rate 2000 | --burst] [--bootstrap-servers host:port]
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
     * @param rate         the fixed send rate in records per second, 0 for a burst
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
            int rate,
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
                    "%-15s %-15s %5d sent, %5d acked, %d failed | %s latency p50 %s p99 %s"
                            + " | %s, %.0f records/s | per partition %s%s",
                    producer,
                    preset,
                    sent,
                    acknowledged,
                    failed,
                    rate == 0 ? "burst (all sends at once)," : "at " + rate + " records/s,",
                    Console.millis(p50Nanos),
                    Console.millis(p99Nanos),
                    Console.format(elapsed),
                    recordsPerSecond(),
                    perPartition,
                    firstFailure.isEmpty() ? "" : " | first failure: " + firstFailure);
        }
    }

    /**
     * Sends {@code --records} orders with three presets (at {@code --rate}, or as a {@code --burst})
     * and prints each preset's numbers.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            String topic = kafka.name("examples.orders");
            ExampleTopics.ensure(kafka.settings(), ExampleTopics.topic(topic, 3));
            int records = kafka.args().intOption("records", 2000);
            int rate = rate(kafka.args());
            int first = 0;
            for (ProducerPreset preset :
                    List.of(ProducerPreset.LOW_LATENCY, ProducerPreset.BALANCED, ProducerPreset.HIGH_THROUGHPUT)) {
                ProducerSettings settings = ProducerSettings.builder()
                        .name(preset.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .cluster(kafka.settings())
                        .preset(preset)
                        .build();
                Console.line(send(settings, topic, records, first, rate).format());
                first += records;
            }
        }
    }

    /** The default fixed send rate of the demo and this example, records per second. */
    public static final int DEFAULT_RATE = 2000;

    /**
     * The send rate the command line asks for.
     *
     * @param args the parsed command line
     * @return {@code --rate} (default {@link #DEFAULT_RATE}), or 0 with {@code --burst}
     * @throws IllegalArgumentException if {@code --rate} is not a positive integer
     */
    public static int rate(ExampleArgs args) {
        return args.flag("burst") ? 0 : args.intOption("rate", DEFAULT_RATE);
    }

    /**
     * Sends orders as a burst: every {@code send} at once; see {@link #send(ProducerSettings, String,
     * int, int, int)}.
     *
     * @param settings   the producer's settings
     * @param topic      an existing topic
     * @param records    how many orders
     * @param firstOrder the number of the first order
     * @return what was sent
     * @throws InterruptedException  if interrupted while waiting for callbacks
     */
    public static Result send(ProducerSettings settings, String topic, int records, int firstOrder)
            throws InterruptedException {
        return send(settings, topic, records, firstOrder, 0);
    }

    /**
     * Sends orders {@code firstOrder .. firstOrder + records - 1} (keyed by order id) without
     * waiting for any single one, then waits for every callback. With a rate, record {@code i} is
     * due at {@code start + i / rate}: the loop waits (parks) until then, and the latency runs from
     * that intended time to the callback. With rate 0 every record is sent at once (a burst) and the
     * latency runs from its {@code send} call.
     *
     * @param settings   the producer's settings (its preset decides batching, acks, compression)
     * @param topic      an existing topic
     * @param records    how many orders
     * @param firstOrder the number of the first order, so that several runs send distinct orders
     * @param rate       records per second, or 0 for a burst
     * @return what was sent, with latencies to the callback
     * @throws InterruptedException  if interrupted while waiting for callbacks
     * @throws IllegalStateException if callbacks are missing after two minutes
     */
    public static Result send(ProducerSettings settings, String topic, int records, int firstOrder, int rate)
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
                long sentAt = rate == 0 ? System.nanoTime() : awaitSlot(start, i, rate);
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
                rate,
                elapsed,
                new TreeMap<>(perPartition),
                Instant.ofEpochMilli(lastTimestamp.get()),
                firstFailure.get() == null ? "" : firstFailure.get().getMessage());
    }

    /** Parks until record {@code i}'s intended send time and returns that time. */
    private static long awaitSlot(long start, int i, int rate) {
        long intended = start + i * 1_000_000_000L / rate;
        for (long now = System.nanoTime(); now < intended; now = System.nanoTime()) {
            LockSupport.parkNanos(intended - now);
        }
        return intended;
    }
}
