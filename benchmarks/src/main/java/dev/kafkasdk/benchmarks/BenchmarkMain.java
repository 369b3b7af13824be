package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks and writes their tables to a Markdown file, with a CSV and a PNG chart of the
 * same tables beside it ({@code latest.md}, {@code latest.csv}, {@code latest.png}).
 *
 * <p>By default the broker is a real single Kafka node in a child JVM (so the broker's garbage
 * collection and threads are not mixed into the client JVM); {@code --bootstrap-servers} selects an
 * existing cluster instead. Arguments: {@code --records N} (default 1,000,000), {@code --rounds R}
 * (default 3), {@code --only LIST} (a comma list of {@link #BENCHMARKS}), {@code --out FILE} (default
 * {@code benchmarks/results/latest.md}). The slow-handler benchmark reads at most
 * {@link SlowHandlerBenchmark#DEFAULT_RECORDS} records, since each costs 2 ms (its one-at-a-time
 * scenarios only run up to 3,000). Exits 1 when a
 * target ratio is missed.
 */
public final class BenchmarkMain {

    /** The benchmarks {@code --only} can select, in the order they run. */
    static final List<String> BENCHMARKS =
            List.of("producer", "consumer", "slow-handler", "share", "tracing", "memory", "startup");

    private BenchmarkMain() {}

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean targetsMet;
        try (KafkaCluster cluster = startCluster(options)) {
            List<ResultTable> tables = run(cluster, options);
            List<Path> files = write(tables, options);
            System.out.println(Files.readString(files.get(0)));
            System.out.println("[benchmarks] written: " + files);
            targetsMet = tables.stream().allMatch(ResultTable::targetsMet);
        }
        // exit after the cluster closed: exiting inside the block left its admin client retrying the
        // stopped broker, a screen of connection warnings after the report
        if (!targetsMet) {
            System.err.println("[benchmarks] a target ratio was missed; see the table");
            System.exit(1);
        }
    }

    /**
     * Runs the selected benchmarks against a cluster.
     *
     * @param cluster the cluster to use
     * @param options what to run and how much
     * @return one table per benchmark
     */
    static List<ResultTable> run(KafkaCluster cluster, Options options) throws Exception {
        List<ResultTable> tables = new ArrayList<>();
        if (options.includes("producer")) {
            // every run creates and deletes its own topic with this prefix
            tables.add(new ProducerBenchmark(cluster, cluster.uniqueTopicName("bench-producer"))
                    .run(options.records(), options.rounds()));
            // 1 KiB records: a fifth as many, so that a run moves about twice the bytes of a 100 B run
            tables.add(new ProducerBenchmark(cluster, cluster.uniqueTopicName("bench-producer-1k"), 1024)
                    .run(Math.max(1, options.records() / 5), options.rounds()));
        }
        if (options.includes("consumer")) {
            String topic = cluster.uniqueTopicName("bench-consumer");
            cluster.createTopic(topic, 6);
            tables.add(
                    new ConsumerBenchmark(cluster.bootstrapServers(), topic).run(options.records(), options.rounds()));
        }
        if (options.includes("slow-handler")) {
            String topic = cluster.uniqueTopicName("bench-slow-handler");
            cluster.createTopic(topic, 6);
            SlowHandlerBenchmark slow = new SlowHandlerBenchmark(cluster.bootstrapServers(), topic);
            long slowRecords = Math.min(options.records(), SlowHandlerBenchmark.DEFAULT_RECORDS);
            tables.add(slow.run(slowRecords, options.rounds()));
            tables.add(slow.runWithoutIo(slowRecords, options.rounds()));
            // the JVM is warm by now; Parallel Consumer's child JVM warms up in every run on its own
            tables.add(slow.run(slowRecords, options.rounds(), SlowHandlerBenchmark.SLOW_WAIT, false));
        }
        if (options.includes("share"))
            tables.addAll(ShareConsumerBenchmark.run(cluster, options.records(), options.rounds()));
        if (options.includes("tracing")) {
            tables.add(new TracingBenchmark(cluster, cluster.uniqueTopicName("bench-tracing"))
                    .run(options.records(), options.rounds()));
            tables.add(new TracingConsumerBenchmark(cluster, cluster.uniqueTopicName("bench-tracing-consumer"))
                    .run(options.records(), options.rounds()));
        }
        if (options.includes("memory")) {
            tables.add(new MemoryBenchmark(cluster, cluster.uniqueTopicName("bench-memory"))
                    .run(options.records(), options.rounds()));
        }
        if (options.includes("startup")) {
            // last: an in-process broker leaves its classes in this JVM
            tables.add(StartupMeasurement.table(Math.max(1, options.rounds())));
        }
        return tables;
    }

    /**
     * Writes the Markdown report, and the CSV and PNG beside it with the same base name.
     *
     * @param tables the tables
     * @param options where to write (the Markdown file; the others replace its extension)
     * @return the Markdown, CSV and PNG paths
     */
    static List<Path> write(List<ResultTable> tables, Options options) throws java.io.IOException {
        Path md = options.out().toAbsolutePath();
        Files.createDirectories(md.getParent());
        String base = md.getFileName().toString().replaceFirst("\\.md$", "");
        Path csv = md.resolveSibling(base + ".csv");
        Path png = md.resolveSibling(base + ".png");
        String machine = machine(options);
        Files.writeString(md, render(tables, machine, png.getFileName().toString()));
        ReportFiles.writeCsv(tables, csv);
        ReportFiles.writePng(tables, machine, png);
        return List.of(md, csv, png);
    }

    private static String machine(Options options) {
        return String.format(
                "Run %s on %d cores, Java %s (%s), %s %s %s; %d rounds after one warm-up each.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                options.rounds());
    }

    private static KafkaCluster startCluster(Options options) {
        EmbeddedKafkaOptions.Builder builder = EmbeddedKafkaOptions.builder();
        if (options.bootstrapServers() != null) {
            builder.externalBootstrapServers(options.bootstrapServers());
        } else {
            // benchmark topics are deleted between rounds: free their disk at once, not a minute later
            builder.backend(Backend.CHILD_JVM).nodes(1).brokerProperty("file.delete.delay.ms", "0");
        }
        KafkaCluster cluster = EmbeddedKafka.start(builder.build());
        System.out.println("[benchmarks] broker " + cluster.bootstrapServers() + " (" + cluster.backend() + ")");
        return cluster;
    }

    private static String render(List<ResultTable> tables, String machine, String png) {
        StringBuilder out = new StringBuilder("## Benchmark results\n\n");
        out.append(machine).append("\n\n");
        tables.forEach(t -> out.append(t.toMarkdown()).append('\n'));
        out.append("![median throughput per scenario](").append(png).append(")\n");
        return out.toString();
    }

    /** Parsed command line. */
    record Options(long records, int rounds, String only, Path out, String bootstrapServers) {

        static Options parse(String[] args) {
            long records = 1_000_000;
            int rounds = 3;
            String only = null;
            Path out = Path.of("benchmarks", "results", "latest.md");
            String bootstrap = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--records" -> records = Long.parseLong(require(args[i], value));
                    case "--rounds" -> rounds = Integer.parseInt(require(args[i], value));
                    case "--only" -> only = require(args[i], value);
                    case "--out" -> out = Path.of(require(args[i], value));
                    case "--bootstrap-servers" -> bootstrap = require(args[i], value);
                    default ->
                        throw new IllegalArgumentException("unknown argument '" + args[i]
                                + "'; valid: --records N, --rounds R, --only " + String.join(",", BENCHMARKS)
                                + ", --out FILE,"
                                + " --bootstrap-servers HOST:PORT");
                }
                i++;
            }
            if (only != null) {
                for (String name : only.split(",")) {
                    if (!BENCHMARKS.contains(name.trim())) {
                        throw new IllegalArgumentException("--only: '" + name + "' is not valid; use a comma list of "
                                + String.join(", ", BENCHMARKS));
                    }
                }
            }
            return new Options(records, rounds, only, out, bootstrap);
        }

        boolean includes(String benchmark) {
            return only == null
                    || Set.copyOf(Arrays.stream(only.split(","))
                                    .map(String::trim)
                                    .toList())
                            .contains(benchmark);
        }

        private static String require(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }
    }
}
