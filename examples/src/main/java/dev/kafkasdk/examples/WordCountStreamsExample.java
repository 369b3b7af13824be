package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Kafka Streams word count: lines of text in, one running count per word out. The Streams
 * application's connection (bootstrap servers and any security settings) is rendered from the same
 * {@link ClusterSettings} the SDK's clients use; only {@code application.id}, the state directory
 * (under {@code target/}) and two latency settings are added.
 *
 * <pre>
 *   examples/run WordCountStreamsExample [--bootstrap-servers host:port]
 * </pre>
 */
public final class WordCountStreamsExample {

    /** The example's text. */
    public static final List<String> LINES = List.of(
            "Kafka Streams is a library, not a separate engine",
            "a topology of source, stream and sink processors",
            "state lives in local stores backed by Kafka topics",
            "the first Kafka Streams program is word count");

    /**
     * The final counts.
     *
     * @param lines  lines sent
     * @param words  words in them
     * @param counts the latest count of every word read from the output topic
     */
    public record Result(int lines, long words, Map<String, Long> counts) {
        /** @return the counts, most frequent first */
        public String format() {
            StringBuilder out = new StringBuilder(
                    String.format(Locale.ROOT, "%d lines, %d words, %d distinct:", lines, words, counts.size()));
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return out.toString();
        }
    }

    private WordCountStreamsExample() {}

    /**
     * Counts the words of {@link #LINES}.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Path stateDir = Files.isDirectory(Path.of("examples", "target"))
                    ? Path.of("examples", "target", "kafka-streams-state")
                    : Path.of("target", "kafka-streams-state");
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.text-lines"),
                    kafka.name("examples.word-counts"),
                    kafka.name("examples-word-count"),
                    stateDir,
                    LINES);
            Console.line("%s", result.format());
        }
    }

    /**
     * Splits a line into lower-case words, as the topology does.
     *
     * @param line the text
     * @return its words
     */
    public static List<String> words(String line) {
        return Arrays.stream(line.toLowerCase(Locale.ROOT).split("\\W+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * The word-count topology: {@code input} lines to {@code output} counts.
     *
     * @param input  the text topic
     * @param output the counts topic (word key, long count value)
     * @return the topology
     */
    public static Topology topology(String input, String output) {
        Serde<String> strings = Serdes.string(); // the SDK's serdes are kafka-clients serdes
        StreamsBuilder builder = new StreamsBuilder();
        // tag::topology[]
        builder.stream(input, Consumed.with(strings, strings))
                .flatMapValues(WordCountStreamsExample::words)
                .groupBy((key, word) -> word, Grouped.with(strings, strings))
                .count(Materialized.as("word-counts"))
                .toStream()
                .to(output, Produced.with(strings, Serdes.longValue()));
        // end::topology[]
        return builder.build();
    }

    /**
     * Streams properties from the shared config model: the cluster's connection and security
     * properties (as any SDK client renders them) plus the application's own settings.
     *
     * @param cluster       the cluster
     * @param applicationId the Streams {@code application.id} (also its consumer group and topic prefix)
     * @param stateDir      where local state stores live
     * @return the properties
     */
    public static Properties streamsProperties(ClusterSettings cluster, String applicationId, Path stateDir) {
        Properties props = new Properties();
        AdminSettings.defaults(cluster).toProperties().forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100); // show counts quickly
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0); // emit every update
        return props;
    }

    /**
     * Sends the lines, runs the topology until the output holds a final count for every word, then
     * closes the application and deletes its local state.
     *
     * @param cluster       the cluster
     * @param input         the text topic to create and fill
     * @param output        the counts topic to create
     * @param applicationId the Streams application id
     * @param stateRoot     a directory for the application's local state (a sub-directory named after
     *                      the application is created, and deleted at the end)
     * @param lines         the text
     * @return the counts read from the output topic
     * @throws Exception if a step fails or the counts are incomplete after a minute
     */
    public static Result run(
            ClusterSettings cluster,
            String input,
            String output,
            String applicationId,
            Path stateRoot,
            List<String> lines)
            throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(input, 3), ExampleTopics.topic(output, 3));
        sendLines(cluster, input, lines);
        long words = lines.stream().mapToLong(l -> words(l).size()).sum();
        Map<String, Long> counts = new ConcurrentHashMap<>();
        CompletableFuture<Void> complete = new CompletableFuture<>();
        Path stateDir =
                Files.createDirectories(stateRoot.resolve(applicationId)).toAbsolutePath();
        KafkaStreams streams =
                new KafkaStreams(topology(input, output), streamsProperties(cluster, applicationId, stateDir));
        try (SdkConsumer<String, Long> reader = countsReader(cluster, output, (word, count) -> {
            counts.merge(word, count, Math::max);
            if (counts.values().stream().mapToLong(Long::longValue).sum() == words) {
                complete.complete(null);
            }
        })) {
            streams.start();
            reader.start();
            Console.line("      word count running (state in %s); waiting for %d words to be counted", stateDir, words);
            complete.get(60, TimeUnit.SECONDS);
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            deleteRecursively(stateDir);
        }
        return new Result(lines.size(), words, new TreeMap<>(counts));
    }

    private static void sendLines(ClusterSettings cluster, String topic, List<String> lines) throws Exception {
        ProducerSettings settings = ProducerSettings.builder()
                .name("text")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .build();
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        try (SdkProducer<String, String> producer = SdkProducer.create(settings, Serdes.string(), Serdes.string())) {
            lines.forEach(line -> sends.add(producer.send(topic, null, line)));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static SdkConsumer<String, Long> countsReader(
            ClusterSettings cluster, String topic, BiConsumer<String, Long> onCount) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("counts-reader")
                .cluster(cluster)
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.longValue())
                .subscribe(Subscription.assignAll(topic))
                .startPosition(StartPositionStrategy.always(StartPosition.beginning()))
                .commitMode(CommitMode.none())
                .recordHandler(record -> onCount.accept(record.key(), record.value()))
                .build();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
