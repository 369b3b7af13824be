package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks and writes their tables to a Markdown file.
 *
 * <p>By default the broker is a real single Kafka node in a child JVM (so the broker's garbage
 * collection and threads are not mixed into the client JVM); {@code --bootstrap-servers} selects an
 * existing cluster instead. Arguments: {@code --records N} (default 1,000,000), {@code --rounds R}
 * (default 3), {@code --only producer|consumer|slow-handler}, {@code --out FILE} (default
 * {@code benchmarks/results/latest.md}). The slow-handler benchmark reads at most
 * {@link SlowHandlerBenchmark#DEFAULT_RECORDS} records, since each costs 2 ms. Exits 1 when a
 * target ratio is missed.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (KafkaCluster cluster = startCluster(options)) {
            List<ResultTable> tables = run(cluster, options);
            String report = render(tables, options);
            System.out.println(report);
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), report);
            System.out.println("[benchmarks] table written to " + options.out());
            if (!tables.stream().allMatch(ResultTable::targetsMet)) {
                System.err.println("[benchmarks] a target ratio was missed; see the table");
                System.exit(1);
            }
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
            String topic = cluster.uniqueTopicName("bench-producer");
            cluster.createTopic(topic, 6);
            tables.add(new ProducerBenchmark(cluster.bootstrapServers(), topic)
                    .run(options.records(), options.rounds()));
        }
        if (options.includes("consumer")) {
            String topic = cluster.uniqueTopicName("bench-consumer");
            cluster.createTopic(topic, 6);
            tables.add(new ConsumerBenchmark(cluster.bootstrapServers(), topic)
                    .run(options.records(), options.rounds()));
        }
        if (options.includes("slow-handler")) {
            String topic = cluster.uniqueTopicName("bench-slow-handler");
            cluster.createTopic(topic, 6);
            tables.add(new SlowHandlerBenchmark(cluster.bootstrapServers(), topic)
                    .run(Math.min(options.records(), SlowHandlerBenchmark.DEFAULT_RECORDS), options.rounds()));
        }
        return tables;
    }

    private static KafkaCluster startCluster(Options options) {
        EmbeddedKafkaOptions.Builder builder = EmbeddedKafkaOptions.builder();
        if (options.bootstrapServers() != null) {
            builder.externalBootstrapServers(options.bootstrapServers());
        } else {
            builder.backend(Backend.CHILD_JVM).nodes(1);
        }
        KafkaCluster cluster = EmbeddedKafka.start(builder.build());
        System.out.println("[benchmarks] broker " + cluster.bootstrapServers() + " (" + cluster.backend() + ")");
        return cluster;
    }

    private static String render(List<ResultTable> tables, Options options) {
        StringBuilder out = new StringBuilder("## Benchmark results\n\n");
        out.append(String.format("Run %s on %d cores, Java %s, %d rounds after one warm-up each.%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.rounds()));
        tables.forEach(t -> out.append(t.toMarkdown()).append('\n'));
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
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "'; valid: --records N, --rounds R, --only producer|consumer|slow-handler,"
                            + " --out FILE, --bootstrap-servers HOST:PORT");
                }
                i++;
            }
            if (only != null && !List.of("producer", "consumer", "slow-handler").contains(only)) {
                throw new IllegalArgumentException("--only: '" + only
                        + "' is not valid; use producer, consumer or slow-handler");
            }
            return new Options(records, rounds, only, out, bootstrap);
        }

        boolean includes(String benchmark) {
            return only == null || only.equals(benchmark);
        }

        private static String require(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }
    }
}
