package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.util.Locale;

/**
 * Measures how long the test kit's real brokers take to start, from the {@code start} call until
 * the cluster serves requests: a single in-process node (first and second start in this JVM, the
 * first paying class loading) and a 3-node cluster in child JVMs. A measurement printed as a
 * table, not a test with a time limit.
 */
public final class StartupMeasurement {

    private StartupMeasurement() {}

    /**
     * Entry point; the optional argument is how many times to start each cluster (default 3).
     *
     * @param args {@code [repetitions]}
     */
    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        StringBuilder table = new StringBuilder("| cluster | run | start-up (s) |\n|---|---:|---:|\n");
        for (int run = 1; run <= repetitions; run++) {
            table.append(row(
                    "1 node in-process" + (run == 1 ? " (first in JVM)" : ""),
                    run,
                    EmbeddedKafkaOptions.builder()
                            .backend(Backend.IN_PROCESS)
                            .nodes(1)
                            .build()));
        }
        for (int run = 1; run <= repetitions; run++) {
            table.append(row(
                    "3 nodes in child JVMs",
                    run,
                    EmbeddedKafkaOptions.builder()
                            .backend(Backend.CHILD_JVM)
                            .nodes(3)
                            .build()));
        }
        System.out.println(table);
    }

    /**
     * The short version for the benchmark report: a single node in-process and a single node in a
     * child JVM, {@code tries} starts each, timed from the {@code start} call until the cluster
     * serves. The first in-process start pays class loading unless the JVM has run a broker before.
     *
     * @param tries starts per kind of node
     * @return a durations table
     */
    static ResultTable table(int tries) {
        ResultTable table = ResultTable.durations("Embedded broker start-up, from start() until it serves");
        for (int run = 1; run <= tries; run++) {
            table.add(time(
                    "1 node in-process",
                    run,
                    EmbeddedKafkaOptions.builder()
                            .backend(Backend.IN_PROCESS)
                            .nodes(1)
                            .build()));
        }
        for (int run = 1; run <= tries; run++) {
            table.add(time(
                    "1 node in a child JVM",
                    run,
                    EmbeddedKafkaOptions.builder()
                            .backend(Backend.CHILD_JVM)
                            .nodes(1)
                            .build()));
        }
        return table;
    }

    private static Measurement time(String name, int run, EmbeddedKafkaOptions options) {
        long cpu = ClientCpu.nanos();
        long start = System.nanoTime();
        try (KafkaCluster cluster = EmbeddedKafka.start(options)) {
            long nanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "[startup] %s run %d: %.2f s%n", name, run, nanos / 1e9);
            return new Measurement(name, run, 1, nanos, ClientCpu.nanos() - cpu);
        }
    }

    private static String row(String name, int run, EmbeddedKafkaOptions options) {
        long start = System.nanoTime();
        try (KafkaCluster cluster = EmbeddedKafka.start(options)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT, "[startup] %s run %d: %.2f s (%s)%n", name, run, seconds, cluster.bootstrapServers());
            return String.format(Locale.ROOT, "| %s | %d | %.2f |%n", name, run, seconds);
        }
    }
}
