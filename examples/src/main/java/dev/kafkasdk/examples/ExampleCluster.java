package dev.kafkasdk.examples;

import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * The cluster an example runs against, chosen from its command line: {@code --bootstrap-servers
 * host:port}, or the {@code KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS} environment variable, or the
 * cluster section of {@code --config file.yaml}; with none of them (a config file without
 * bootstrap servers only tunes the clients), a real single-node Kafka broker started in this JVM
 * (KRaft, data in a temporary directory that is deleted when it stops).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     try (ExampleCluster kafka = ExampleCluster.start(args)) {
 *         run(kafka.settings(), kafka.name("orders"));
 *     }
 * }
 * }</pre>
 *
 * <p>Ownership: the embedded broker belongs to this object; {@link #close()} (or a JVM shutdown
 * such as Ctrl-C) stops it. An external cluster is never touched beyond the topics and groups
 * the example creates. Thread-safe after construction.
 */
public final class ExampleCluster implements AutoCloseable {

    /** The environment override of the cluster's bootstrap servers (see the SDK config loader). */
    public static final String BOOTSTRAP_ENV = "KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS";

    private static final String CLIENT_ID_PREFIX = "kafka-sdk-examples";
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);
    private static final String WARM_UP_TOPIC = "kafka-sdk-examples.warm-up";
    /** Marks a config file without bootstrap servers: such a file only tunes the example's clients. */
    private static final String NO_SERVERS = "no-bootstrap-servers.invalid:9092";

    private static final String NO_SERVERS_YAML = "cluster:\n  bootstrap-servers: " + NO_SERVERS + "\n";

    private final ExampleArgs args;
    private final KafkaCluster embedded;
    private final ClusterSettings settings;
    private final String bootstrapOverride;
    private final String runId;
    private final Thread shutdownHook;

    private ExampleCluster(
            ExampleArgs args, KafkaCluster embedded, ClusterSettings settings, String bootstrapOverride) {
        this.args = args;
        this.embedded = embedded;
        this.settings = settings;
        this.bootstrapOverride = bootstrapOverride;
        this.runId = args.options().getOrDefault("run-id", randomId());
        this.shutdownHook = embedded == null ? null : new Thread(embedded::close, "embedded-kafka-shutdown");
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Parses the command line and connects, starting the embedded broker when no cluster is named.
     * Prints {@link ExampleArgs#usage()} and exits with status 0 for {@code --help}.
     *
     * @param commandLine the example's {@code main} arguments
     * @return the cluster; close it when done
     * @throws IllegalArgumentException for a bad command line
     * @throws dev.kafkasdk.core.ConfigException for a bad config file
     */
    public static ExampleCluster start(String... commandLine) {
        ExampleArgs parsed = ExampleArgs.parse(commandLine);
        if (parsed.flag("help")) {
            System.out.println(ExampleArgs.usage());
            System.exit(0);
        }
        return start(parsed);
    }

    /**
     * Connects as {@link #start(String...)} does, from parsed arguments.
     *
     * @param args the arguments
     * @return the cluster; close it when done
     */
    public static ExampleCluster start(ExampleArgs args) {
        Optional<String> named = args.bootstrapServers()
                .or(() -> Optional.ofNullable(System.getenv(BOOTSTRAP_ENV)).filter(s -> !s.isBlank()));
        if (args.configFile().isPresent()) {
            KafkaSdkConfig config = KafkaSdkConfig.loader()
                    .yaml(NO_SERVERS_YAML)
                    .file(args.configFile().get())
                    .environment(environment(named.orElse(null)))
                    .load();
            if (!config.cluster().bootstrapServers().equals(List.of(NO_SERVERS))) {
                Console.line(
                        "[kafka] using the cluster of %s: %s",
                        args.configFile().get(),
                        String.join(",", config.cluster().bootstrapServers()));
                return new ExampleCluster(args, null, reachable(config.cluster()), named.orElse(null));
            }
        }
        if (named.isPresent()) {
            Console.line("[kafka] using the cluster at %s", named.get());
            return new ExampleCluster(args, null, reachable(clusterAt(named.get())), named.get());
        }
        return startEmbedded(args);
    }

    private static ExampleCluster startEmbedded(ExampleArgs args) {
        Console.line(
                "[kafka] no cluster given (--bootstrap-servers / --config): starting an embedded "
                        + "Kafka %s broker in this JVM...",
                kafkaVersion());
        long start = System.nanoTime();
        KafkaCluster kafka = EmbeddedKafka.start(EmbeddedKafkaOptions.builder()
                .backend(Backend.IN_PROCESS)
                .defaultPartitions(3)
                .build());
        // A fresh broker hands out its first producer ids slowly; one idempotent send here keeps that
        // one-time cost out of the first producer the example measures.
        kafka.createTopic(WARM_UP_TOPIC, 1);
        kafka.produce(WARM_UP_TOPIC, "warm-up", "warm-up");
        Console.line(
                "[kafka] embedded broker serving at %s (single node, KRaft, started in %s; "
                        + "stopped and deleted on exit)",
                kafka.bootstrapServers(), Console.format(Duration.ofNanos(System.nanoTime() - start)));
        return new ExampleCluster(args, kafka, clusterAt(kafka.bootstrapServers()), kafka.bootstrapServers());
    }

    /** Fails fast, with the cluster's address in the message, when nobody answers there. */
    private static ClusterSettings reachable(ClusterSettings cluster) {
        Admin admin = Admin.create(AdminSettings.defaults(cluster).toProperties());
        try {
            int nodes = admin.describeCluster()
                    .nodes()
                    .get(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .size();
            Console.line("[kafka] connected: %d %s", nodes, nodes == 1 ? "broker" : "brokers");
            return cluster;
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException ? " (" + e.getCause() + ")" : "";
            throw new IllegalStateException(
                    "cannot reach the Kafka cluster at "
                            + String.join(",", cluster.bootstrapServers()) + " within " + Console.format(REACH_TIMEOUT)
                            + why
                            + "; check the address and the security settings, or run without --bootstrap-servers/--config"
                            + " to use an embedded broker",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } finally {
            admin.close(Duration.ofSeconds(1)); // do not wait for the abandoned call's own timeout
        }
    }

    private static ClusterSettings clusterAt(String bootstrapServers) {
        return ClusterSettings.builder()
                .bootstrapServers(bootstrapServers)
                .clientIdPrefix(CLIENT_ID_PREFIX)
                .build();
    }

    private static Map<String, String> environment(String bootstrapOverride) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (bootstrapOverride != null) {
            env.put(BOOTSTRAP_ENV, bootstrapOverride);
        }
        return env;
    }

    /** @return the connection (bootstrap servers, security, client id prefix) every client of the example uses */
    public ClusterSettings settings() {
        return settings;
    }

    /** @return the bootstrap servers as one comma-separated string */
    public String bootstrapServers() {
        return String.join(",", settings.bootstrapServers());
    }

    /** @return whether this object started the broker (and will stop it) */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** @return the parsed command line */
    public ExampleArgs args() {
        return args;
    }

    /** @return this run's id: {@code --run-id}, or six random characters */
    public String runId() {
        return runId;
    }

    /**
     * A topic or group name for this run, so that runs against a shared cluster never read each
     * other's records.
     *
     * @param base the readable part, e.g. {@code examples.orders}
     * @return {@code base-<runId>}
     */
    public String name(String base) {
        return base + "-" + runId;
    }

    /**
     * Loads an SDK configuration: a YAML resource of the examples, with the {@code --config} file
     * merged over it (its values win) and this cluster's bootstrap servers applied as the
     * {@value #BOOTSTRAP_ENV} override when they came from the command line or the embedded broker.
     *
     * @param resource a class path resource, e.g. {@code demo.yaml}
     * @return the validated configuration
     * @throws dev.kafkasdk.core.ConfigException listing every problem
     */
    public KafkaSdkConfig loadConfig(String resource) {
        KafkaSdkConfig.Loader loader = KafkaSdkConfig.loader().yaml(readResource(resource));
        args.configFile().ifPresent(loader::file);
        return loader.environment(environment(bootstrapOverride)).load();
    }

    /** Stops and deletes the embedded broker, if this object started one. Idempotent. */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it closes the broker
        }
        embedded.close();
        Console.line("[kafka] embedded broker stopped");
    }

    private static String readResource(String resource) {
        try (InputStream in = ExampleCluster.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no class path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String kafkaVersion() {
        try (InputStream in =
                ExampleCluster.class.getClassLoader().getResourceAsStream("kafka/kafka-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private static String randomId() {
        SecureRandom random = new SecureRandom();
        return random.ints(6, 0, 36)
                .mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
                .collect(Collectors.joining());
    }
}
