package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Share groups (KIP-932) against consumer groups on the same records. On the slow-handler workload (2 ms
 * parked per record, 6 partitions, 1,000 keys; {@link SlowHandler}) the {@link SdkShareConsumer} runs
 * with 1, 3 and 6 members of concurrency {@value #CONCURRENCY} each, all in this JVM, against the
 * concurrent key-ordered {@link SdkConsumer} at concurrency {@value #CONCURRENCY}. With a 0 ms handler
 * one share member (concurrency {@value #CONCURRENCY}) runs against the sequential {@link SdkConsumer}
 * (record handler on the poll thread, sync commit after each batch).
 *
 * <p>Every run uses a fresh group that starts at the earliest offset; it is timed from the first record
 * handed to a handler to the last distinct record handled (a redelivered record counts once), so group
 * joins before the first record are outside the time but members that join later are inside it. Each
 * round runs every scenario once, in reverse order every other round, after one untimed warm-up run
 * each; comparisons are paired per round. The 1-minute load average is read before every round and
 * written into the table's title: the machine is shared with other builds.
 */
public final class ShareConsumerBenchmark {

    static final int CONCURRENCY = 64;
    static final String SDK_KEY = "SdkConsumer ordering key, concurrency 64, async watermark commits";
    static final String SHARE_1 = "SdkShareConsumer, 1 member, concurrency 64";
    static final String SHARE_3 = "SdkShareConsumer, 3 members, concurrency 64 each";
    static final String SHARE_6 = "SdkShareConsumer, 6 members, concurrency 64 each";
    static final String SEQUENTIAL_NO_IO = "SdkConsumer record handler (sequential), 0 ms handler";
    static final String SHARE_NO_IO = "SdkShareConsumer, 1 member, concurrency 64, 0 ms handler";

    /** Records of the slow-handler table when the caller does not ask for fewer. */
    static final long SLOW_RECORDS = 30_000;

    /** Records of the 0 ms table when the caller does not ask for fewer. */
    static final long NO_IO_RECORDS = 300_000;

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final String bootstrapServers;
    private final BenchmarkConfig config;
    private final boolean warmUp;
    private final List<Integer> shareMembers;

    /**
     * Prepares the benchmark.
     *
     * @param bootstrapServers a cluster with share groups enabled ({@code share.version} &gt;= 1)
     */
    public ShareConsumerBenchmark(String bootstrapServers) {
        this(bootstrapServers, true, List.of(1, 3, 6));
    }

    /**
     * A smaller benchmark, for the smoke test.
     *
     * @param bootstrapServers a cluster with share groups enabled
     * @param warmUp whether each scenario runs once untimed first
     * @param shareMembers the share group sizes of the slow-handler table, each of 1, 3 or 6
     */
    ShareConsumerBenchmark(String bootstrapServers, boolean warmUp, List<Integer> shareMembers) {
        this.bootstrapServers = bootstrapServers;
        this.config = new BenchmarkConfig(bootstrapServers);
        this.warmUp = warmUp;
        this.shareMembers = List.copyOf(shareMembers);
    }

    /**
     * Both tables, each on a new 6-partition topic of the cluster.
     *
     * @param cluster the cluster
     * @param records at most this many records per table (slow handler at most 30,000, 0 ms at most 300,000)
     * @param rounds timed rounds
     * @return the slow-handler table, then the 0 ms table
     * @throws InterruptedException if the calling thread is interrupted
     */
    public static List<ResultTable> run(KafkaCluster cluster, long records, int rounds) throws InterruptedException {
        ShareConsumerBenchmark benchmark = new ShareConsumerBenchmark(cluster.bootstrapServers());
        String slow = cluster.uniqueTopicName("bench-share-slow");
        cluster.createTopic(slow, 6);
        String noIo = cluster.uniqueTopicName("bench-share-no-io");
        cluster.createTopic(noIo, 6);
        return List.of(
                benchmark.runSlow(slow, Math.min(records, SLOW_RECORDS), rounds),
                benchmark.runWithoutIo(noIo, Math.min(records, NO_IO_RECORDS), rounds));
    }

    /**
     * Fills the topic, then times share members against the concurrent key-ordered consumer.
     *
     * @param topic an empty topic with 6 partitions
     * @param records records to write and read
     * @param rounds timed rounds
     * @return the table, each share scenario compared with the key-ordered consumer
     * @throws InterruptedException if the calling thread is interrupted
     */
    public ResultTable runSlow(String topic, long records, int rounds) throws InterruptedException {
        new SlowHandlerBenchmark(bootstrapServers, topic).fill(records);
        Map<String, Integer> members = new LinkedHashMap<>();
        members.put(SDK_KEY, 0);
        Map<Integer, String> names = Map.of(1, SHARE_1, 3, SHARE_3, 6, SHARE_6);
        shareMembers.forEach(n -> members.put(names.get(n), n));
        String title = String.format(
                "Share consumer, slow handler: %,d records, %d ms parked each, 6 partitions, %,d keys",
                records, SlowHandler.IO_WAIT.toMillis(), SlowHandlerBenchmark.KEYS);
        return measure(title, topic, records, rounds, members, true);
    }

    /**
     * Fills the topic, then times one share member against the sequential consumer with a 0 ms handler.
     *
     * @param topic an empty topic with 6 partitions
     * @param records records to write and read
     * @param rounds timed rounds
     * @return the table, the share consumer compared with the sequential consumer
     * @throws InterruptedException if the calling thread is interrupted
     */
    public ResultTable runWithoutIo(String topic, long records, int rounds) throws InterruptedException {
        new SlowHandlerBenchmark(bootstrapServers, topic).fill(records);
        Map<String, Integer> members = new LinkedHashMap<>();
        members.put(SEQUENTIAL_NO_IO, 0);
        members.put(SHARE_NO_IO, 1);
        String title = String.format(
                "Share consumer, 0 ms handler: %,d records, 6 partitions, %,d keys",
                records, SlowHandlerBenchmark.KEYS);
        return measure(title, topic, records, rounds, members, false);
    }

    private ResultTable measure(
            String title, String topic, long records, int rounds, Map<String, Integer> members, boolean io)
            throws InterruptedException {
        List<String> scenarios = List.copyOf(members.keySet());
        for (String scenario : warmUp ? scenarios : List.<String>of()) {
            runOnce(scenario, members.get(scenario), topic, records, io);
        }
        List<Measurement> measurements = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            loads.add(loadAverage());
            List<String> order = new ArrayList<>(scenarios);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String scenario : order) {
                System.gc();
                long cpuBefore = ClientCpu.nanos();
                long wallBefore = System.nanoTime();
                long nanos = runOnce(scenario, members.get(scenario), topic, records, io);
                Measurement m = new Measurement(scenario, round, records, nanos, ClientCpu.nanos() - cpuBefore);
                System.out.printf(
                        "[share] round %d %-62s %,9.0f records/s %6.2f µs CPU/record (%,d ms with start and close)%n",
                        round,
                        scenario,
                        m.recordsPerSecond(),
                        m.cpuMicrosPerRecord(),
                        (System.nanoTime() - wallBefore) / 1_000_000);
                measurements.add(m);
            }
        }
        ResultTable table = new ResultTable(title + "; 1-min load average before each round: "
                + String.join(", ", loads) + " on a machine shared with other builds");
        String baseline = scenarios.get(0);
        scenarios.stream().skip(1).forEach(s -> table.compare(s, baseline, 0));
        measurements.forEach(table::add);
        return table;
    }

    private long runOnce(String scenario, int members, String topic, long records, boolean io)
            throws InterruptedException {
        SlowHandler handler = new SlowHandler(records, io);
        if (members == 0) {
            ConsumerSettings settings = config.freshReader("bench-share-cg");
            boolean concurrent = scenario.equals(SDK_KEY);
            if (concurrent) {
                settings = ConsumerSettings.from(settings)
                        .ordering(Ordering.KEY)
                        .concurrency(CONCURRENCY)
                        .build();
            }
            try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                    .subscribe(topic)
                    .commitMode(concurrent ? CommitMode.async() : CommitMode.syncPerBatch())
                    .recordHandler(handler::handle)
                    .build()) {
                consumer.start();
                awaitAll(handler, records, scenario);
            }
            return handler.nanos();
        }
        ShareConsumerSettings settings = ShareConsumerSettings.builder()
                .cluster(ClusterSettings.of(bootstrapServers))
                .groupId("bench-share-" + GROUPS.incrementAndGet() + "-" + System.nanoTime())
                .autoOffsetReset(OffsetReset.EARLIEST)
                .concurrency(CONCURRENCY)
                .build();
        List<SdkShareConsumer<String, String>> started = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                SdkShareConsumer<String, String> member = SdkShareConsumer.builder(
                                settings, Serdes.string(), Serdes.string())
                        .subscribe(topic)
                        .recordHandler(handler::handle)
                        .build();
                started.add(member);
                member.start();
            }
            awaitAll(handler, records, scenario);
        } finally {
            started.forEach(SdkShareConsumer::stop);
            started.forEach(SdkShareConsumer::close);
        }
        return handler.nanos();
    }

    private static void awaitAll(SlowHandler handler, long records, String scenario) throws InterruptedException {
        if (!handler.await(RUN_TIMEOUT)) {
            throw new IllegalStateException(
                    scenario + " handled only " + handler.handled() + " of " + records + " within " + RUN_TIMEOUT);
        }
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or "n/a" where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * Runs both tables against the benchmark's child-JVM broker or {@code --bootstrap-servers}, and writes
     * {@code --out} (default {@code benchmarks/results/share-consumer.md}) with its CSV and PNG.
     *
     * @param args the options of {@link BenchmarkMain}; {@code --only} is ignored
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--out")) {
            all.addAll(List.of("--out", "benchmarks/results/share-consumer.md"));
        }
        all.addAll(List.of("--only", "share"));
        BenchmarkMain.main(all.toArray(String[]::new));
    }
}
