package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the fixed-rate benchmark ({@code benchmarks/run-rate}) against a single-node broker in a child
 * JVM, or an existing cluster with {@code --bootstrap-servers}, and writes {@code rate.md},
 * {@code rate.csv}, {@code rate-summary.csv} and {@code rate.png}; see {@link RateOptions#USAGE}.
 * With {@code --pin} the broker's JVM is pinned to the last core and this JVM to the others with
 * {@code taskset} (every thread, {@code -a}); Linux only.
 */
public final class RateBenchmarkMain {

    /** The machine's cores, read before {@code --pin} narrows what this JVM sees. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private RateBenchmarkMain() {}

    /**
     * Entry point.
     *
     * @param args see {@link RateOptions#USAGE}
     */
    public static void main(String[] args) throws Exception {
        RateOptions options;
        try {
            options = RateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[rate] " + e.getMessage());
            System.exit(2);
            return;
        }
        EmbeddedKafkaOptions.Builder builder = EmbeddedKafkaOptions.builder();
        if (options.bootstrapServers() != null) {
            builder.externalBootstrapServers(options.bootstrapServers());
        } else {
            builder.backend(Backend.CHILD_JVM).nodes(1).brokerProperty("file.delete.delay.ms", "0");
        }
        try (KafkaCluster cluster = EmbeddedKafka.start(builder.build())) {
            System.out.println("[rate] broker " + cluster.bootstrapServers() + " (" + cluster.backend() + ")");
            String pinning = options.pin() ? pin() : "not pinned";
            RateReport report = new RateBenchmark(cluster, options)
                    .onProgress(soFar -> {
                        try {
                            RateReportFiles.write(soFar, machine(pinning) + " (partial: run in progress)");
                        } catch (IOException e) {
                            System.err.println("[rate] cannot write the partial report: " + e);
                        }
                    })
                    .run();
            List<Path> files = RateReportFiles.write(report, machine(pinning));
            System.out.println(Files.readString(files.get(0)));
            System.out.println("[rate] written: " + files);
        }
    }

    /**
     * Describes the machine and the run.
     *
     * @param pinning what {@link #pin()} did
     * @return one line
     */
    static String machine(String pinning) {
        return String.format(
                "Run %s on %d cores, Java %s, %s %s; %s.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                CORES,
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                pinning);
    }

    /**
     * Pins the child broker JVM(s) to the last core and this JVM to the rest.
     *
     * @return what was done
     */
    static String pin() throws IOException, InterruptedException {
        int cores = CORES;
        if (cores < 2) {
            return "not pinned (one core)";
        }
        String brokerCores = Integer.toString(cores - 1);
        String clientCores = cores == 2 ? "0" : "0-" + (cores - 2);
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        if (children.isEmpty()) {
            return "not pinned (no child-JVM broker)";
        }
        for (ProcessHandle child : children) {
            taskset(brokerCores, child.pid());
        }
        taskset(clientCores, ProcessHandle.current().pid());
        return "broker JVM pinned to core " + brokerCores + ", client JVM to core " + clientCores + " (taskset -a)";
    }

    private static void taskset(String cores, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("taskset -a -p -c " + cores + " " + pid + " failed: " + output);
        }
    }
}
