package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fixed-rate (open-model) producer benchmark: every scenario at every target rate and value size,
 * in paired rounds, then a search for each selected scenario's maximum sustainable rate.
 *
 * <p><b>Rounds.</b> First one unreported warm-up point per scenario (phase {@code warm-up}, in the
 * CSV only). In each round every size and rate runs every scenario once, on a fresh
 * 6-partition topic per point. An SDK preset and raw kafka-clients with the same properties always run
 * back to back (the SDK first in odd rounds, raw first in even ones), so their paired ratios share the
 * machine's state of that moment.
 *
 * <p><b>Maximum sustainable rate.</b> The highest rate at which the achieved rate is within 2% of the
 * target, every record arrives and the end-to-end p99 is under one second ({@link RateResult#sustained()}):
 * probe at the start rate and double while sustained (up to the cap); then bisect between the highest
 * sustained and the lowest unsustained rate until they are within 10% (rates rounded to 1,000 records/s).
 * A first probe that fails halves downwards instead. Each probe is one point of {@code searchWindow}.
 * Before the first search, every searched scenario runs one unreported probe at the start rate (phase
 * {@code search warm-up}, in the CSV only): without it the JVM's first search ran at half the rate
 * later searches of the same scenario reached.
 *
 * <p>Threading: one caller; it blocks for the whole run.
 */
final class RateBenchmark {

    private static final int PARTITIONS = 6;

    private final KafkaCluster cluster;
    private final RateOptions options;
    private final BenchmarkConfig config;
    private final List<RateResult> results = new ArrayList<>();
    private final List<RateReport.MaxRate> maxRates = new ArrayList<>();

    /** Receives the report so far after every round and every search. */
    @FunctionalInterface
    interface Progress {
        /**
         * Called from the benchmark's thread.
         *
         * @param soFar the results so far
         */
        void reached(RateReport soFar);
    }

    private Progress progress = soFar -> {};

    RateBenchmark(KafkaCluster cluster, RateOptions options) {
        this.cluster = cluster;
        this.options = options;
        this.config = new BenchmarkConfig(cluster.bootstrapServers());
    }

    /**
     * Sets what receives the report so far (the main class writes the files, so that a run stopped
     * early keeps what it measured).
     *
     * @param progress the receiver
     * @return this
     */
    RateBenchmark onProgress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Runs the rounds and the searches.
     *
     * @return the report's data
     */
    RateReport run() throws InterruptedException {
        try (ScratchTopics topics = new ScratchTopics(cluster, cluster.uniqueTopicName("bench-rate"))) {
            // the JVM's first points ran up to 10x slower than later ones (class loading, JIT): one
            // unreported point per scenario first, at the highest rate up to 50,000/s
            int warmRate = options.rates().stream()
                    .filter(r -> r <= 50_000)
                    .max(Integer::compare)
                    .orElse(options.rates().get(0));
            for (RateScenario scenario : options.scenarios()) {
                results.add(point(
                        topics,
                        scenario,
                        "warm-up",
                        warmRate,
                        options.sizes().get(0),
                        options.warmup(),
                        options.warmup()));
            }
            for (int round = 1; round <= options.rounds(); round++) {
                List<RateScenario> order = pairedOrder(options.scenarios(), round);
                for (int size : options.sizes()) {
                    for (int rate : options.rates()) {
                        for (RateScenario scenario : order) {
                            results.add(point(
                                    topics,
                                    scenario,
                                    "round " + round,
                                    rate,
                                    size,
                                    options.warmup(),
                                    options.window()));
                        }
                    }
                }
                progress.reached(new RateReport(options, List.copyOf(results), List.copyOf(maxRates)));
            }
            // the first search of a JVM failed at 400,000/s with a p99 of 1.6 s after passing 200,000,
            // then passed at up to 750,000/s in a later search; the warm-up above is at 50,000/s at most
            for (RateScenario scenario : options.searchScenarios()) {
                results.add(point(
                        topics,
                        scenario,
                        "search warm-up",
                        options.searchStart(),
                        options.searchSize(),
                        options.searchWarmup(),
                        options.searchWindow()));
            }
            for (RateScenario scenario : options.searchScenarios()) {
                maxRates.add(search(topics, scenario));
                progress.reached(new RateReport(options, List.copyOf(results), List.copyOf(maxRates)));
            }
        }
        return new RateReport(options, results, maxRates);
    }

    /** The scenarios with each SDK/raw-same pair swapped in even rounds. */
    static List<RateScenario> pairedOrder(List<RateScenario> scenarios, int round) {
        List<RateScenario> order = new ArrayList<>(scenarios);
        if (round % 2 == 0) {
            for (int i = 0; i + 1 < order.size(); i++) {
                RateScenario a = order.get(i);
                RateScenario b = order.get(i + 1);
                if (a.pairs(b)) {
                    order.set(i, b);
                    order.set(i + 1, a);
                    i++;
                }
            }
        }
        return order;
    }

    private RateReport.MaxRate search(ScratchTopics topics, RateScenario scenario) throws InterruptedException {
        List<RateResult> probes = new ArrayList<>();
        int size = options.searchSize();
        int lo = 0;
        int hi = 0;
        int rate = options.searchStart();
        while (true) {
            RateResult r =
                    point(topics, scenario, "search", rate, size, options.searchWarmup(), options.searchWindow());
            probes.add(r);
            if (r.sustained()) {
                lo = rate;
                if (hi != 0 || rate >= options.searchCap()) {
                    break;
                }
                rate = Math.min(options.searchCap(), rate * 2);
            } else {
                hi = rate;
                if (lo != 0 || rate <= 1_000) {
                    break;
                }
                rate = Math.max(1_000, rate / 2);
            }
        }
        while (lo != 0 && hi != 0 && hi - lo > Math.max(1_000, lo / 10)) {
            int mid = Math.round((lo + hi) / 2_000f) * 1_000;
            RateResult r = point(topics, scenario, "search", mid, size, options.searchWarmup(), options.searchWindow());
            probes.add(r);
            if (r.sustained()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        System.out.printf(
                "[rate] max sustainable %-50s %,d records/s (%d probes)%n", scenario.name(), lo, probes.size());
        results.addAll(probes);
        return new RateReport.MaxRate(scenario.name(), size, lo, hi, probes.size());
    }

    private RateResult point(
            ScratchTopics topics,
            RateScenario scenario,
            String phase,
            int rate,
            int size,
            Duration warmup,
            Duration window)
            throws InterruptedException {
        String topic = topics.create();
        try {
            MemoryProbe.collectBeforeTimedRun();
            double load = RatePoint.load1();
            RatePoint.Sent sent;
            EndToEndConsumer consumer = new EndToEndConsumer(cluster.bootstrapServers(), topic, PARTITIONS);
            try (RateSender sender = scenario.open(config, cluster.bootstrapServers())) {
                sent = RatePoint.run(sender, consumer, topic, payload(size), rate, warmup, window);
            } finally {
                consumer.close();
            }
            RateResult r = new RateResult(
                    scenario.name(),
                    phase,
                    size,
                    rate,
                    sent.achievedRate(),
                    sent.records(),
                    sent.publish(),
                    consumer.percentiles(),
                    sent.cpuMicrosPerRecord(),
                    sent.allocatedBytesPerRecord(),
                    load,
                    sent.missing());
            System.out.printf(
                    "[rate] %-8s %5d B %,8d/s %-50s achieved %,10.0f pub p99 %8.2f e2e p99 %8.2f max %8.1f ms"
                            + " %5.2f µs %6.0f B/rec load %.2f%s%n",
                    phase,
                    size,
                    rate,
                    scenario.name(),
                    r.achievedRate(),
                    r.publish().p99(),
                    r.endToEnd().p99(),
                    r.endToEnd().max(),
                    r.cpuMicrosPerRecord(),
                    r.allocatedBytesPerRecord(),
                    load,
                    r.missing() > 0 ? " MISSING " + r.missing() : "");
            return r;
        } finally {
            topics.delete(topic);
        }
    }

    /** Random lower-case letters of the given size (at least 8 bytes, for the intended send time). */
    private static byte[] payload(int size) {
        byte[] value = new byte[Math.max(8, size)];
        Random random = new Random(size);
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('a' + random.nextInt(26));
        }
        return value;
    }
}
