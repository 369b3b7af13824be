package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay from a point in time with {@code assign} and {@code seek}: no consumer group, no commits.
 * The consumer takes every partition of the topic ({@code Subscription.assignAll}), seeks each one to
 * the first record at or after {@code from} ({@code offsetsForTimes}) and stops each partition before
 * the first record at or after {@code to}; when all are done it stops by itself.
 *
 * <pre>
 *   examples/run ReplayExample [--records 1000] [--bootstrap-servers host:port]
 * </pre>
 */
public final class ReplayExample {

    /**
     * What a replay read.
     *
     * @param replayed       records read
     * @param from           the start of the window
     * @param to             the end of the window (exclusive)
     * @param firstOffsets   per partition, the first offset read (where the seek landed)
     * @param earliest       the earliest record timestamp read, {@link Instant#MAX} if none
     * @param latest         the latest record timestamp read, {@link Instant#MIN} if none
     * @param finalState     the consumer's state at the end ({@code STOPPED} once the window is done)
     */
    public record Replay(
            int replayed,
            Instant from,
            Instant to,
            Map<Integer, Long> firstOffsets,
            Instant earliest,
            Instant latest,
            ConsumerState finalState) {
        /** @return one readable line */
        public String format() {
            return String.format(
                    Locale.ROOT,
                    "replayed %d records from [%s, %s); seeks landed at %s; consumer %s",
                    replayed,
                    from,
                    to,
                    firstOffsets,
                    finalState);
        }
    }

    /**
     * The example's result.
     *
     * @param before records produced before {@code from}
     * @param after  records produced after {@code from}
     * @param replay what the replay read (it should be exactly {@code after})
     */
    public record Result(int before, int after, Replay replay) {}

    private ReplayExample() {}

    /**
     * Produces two rounds of orders, then replays only the second round by time.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.replay-orders"),
                    kafka.args().intOption("records", 1000));
            Console.line(
                    "produced %d before and %d after the replay point; %s",
                    result.before(), result.after(), result.replay().format());
        }
    }

    /**
     * Produces {@code records} orders, notes the time, produces {@code records} more, then replays from
     * the noted time.
     *
     * @param cluster the cluster
     * @param topic   the topic to create and use
     * @param records orders per round
     * @return both rounds' sizes and the replay
     * @throws Exception if a step fails or the replay does not finish within a minute
     */
    public static Result run(ClusterSettings cluster, String topic, int records) throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 3));
        ProducerSettings producer = ProducerSettings.builder()
                .name("orders")
                .cluster(cluster)
                .preset(ProducerPreset.LOW_LATENCY)
                .build();
        AsyncProducerExample.Result first = AsyncProducerExample.send(producer, topic, records, 0);
        Instant from = startAfter(first.lastTimestamp());
        Console.line("      first round done; replay point %s", from);
        AsyncProducerExample.Result second = AsyncProducerExample.send(producer, topic, records, records);
        Instant to = second.lastTimestamp().plusMillis(1);
        ConsumerSettings replayer =
                ConsumerSettings.builder().name("replayer").cluster(cluster).build();
        return new Result(first.acknowledged(), second.acknowledged(), replay(replayer, topic, from, to));
    }

    /**
     * The first millisecond after {@code last}, once the wall clock has passed it, so that every
     * record sent from now on has a later timestamp than every record before.
     *
     * @param last the latest timestamp so far
     * @return the replay point
     */
    public static Instant startAfter(Instant last) {
        Instant from = last.plusMillis(1);
        while (Instant.now().isBefore(from)) {
            Thread.onSpinWait();
        }
        return from;
    }

    /**
     * Reads the records of {@code [from, to)} from every partition of a topic, without a group.
     *
     * @param settings consumer settings without a group id
     * @param topic    an existing topic
     * @param from     inclusive start
     * @param to       exclusive end
     * @return what was read
     * @throws Exception if the replay fails or does not end within a minute
     */
    public static Replay replay(ConsumerSettings settings, String topic, Instant from, Instant to) throws Exception {
        AtomicInteger replayed = new AtomicInteger();
        Map<Integer, Long> firstOffsets = new ConcurrentHashMap<>();
        AtomicLong earliest = new AtomicLong(Long.MAX_VALUE);
        AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
        // tag::replay[]
        try (SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        settings, Serdes.string(), Serdes.json(Order.class))
                .subscribe(Subscription.assignAll(topic))
                .startPosition(StartPositionStrategy.always(StartPosition.window(from, to)))
                .commitMode(CommitMode.none())
                .recordHandler(record -> {
                    firstOffsets.putIfAbsent(record.partition(), record.offset());
                    earliest.accumulateAndGet(record.timestamp(), Math::min);
                    latest.accumulateAndGet(record.timestamp(), Math::max);
                    replayed.incrementAndGet();
                })
                .build()) {
            // end::replay[]
            consumer.start();
            if (!consumer.awaitTermination(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the replay did not reach the end of its window within 60 s; read "
                        + replayed.get() + " records");
            }
            if (consumer.state() == ConsumerState.FAILED) {
                throw new IllegalStateException(
                        "the replay failed", consumer.failureCause().orElse(null));
            }
            return new Replay(
                    replayed.get(),
                    from,
                    to,
                    new TreeMap<>(firstOffsets),
                    earliest.get() == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(earliest.get()),
                    latest.get() == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(latest.get()),
                    consumer.state());
        }
    }
}
