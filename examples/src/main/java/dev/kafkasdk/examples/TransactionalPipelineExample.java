package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.IsolationLevel;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.producer.TransactionalProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Exactly-once consume-transform-produce: the consumer ({@code CommitMode.transactional(producer)})
 * opens a transaction on the producer module's {@link TransactionalProducer} for every round, the
 * handler sends its output through it, and the round's input offsets are committed inside the same
 * transaction. One round fails on purpose half way: its transaction is aborted, the input is read
 * again, and a {@code read_committed} reader downstream still sees every output record exactly once.
 *
 * <pre>
 *   examples/run TransactionalPipelineExample [--records 500] [--bootstrap-servers host:port]
 * </pre>
 */
public final class TransactionalPipelineExample {

    /**
     * What the downstream reader saw.
     *
     * @param input             records in the input topic
     * @param committedOutput   output records a {@code read_committed} reader read
     * @param distinctOutput    distinct output values among them
     * @param abortedRounds     rounds that failed on purpose (their transaction was aborted)
     */
    public record Result(int input, int committedOutput, int distinctOutput, int abortedRounds) {
        /** @return one readable line */
        public String format() {
            return String.format(
                    Locale.ROOT,
                    "input %d -> committed output %d (%d distinct) after %s",
                    input,
                    committedOutput,
                    distinctOutput,
                    abortedRounds + (abortedRounds == 1 ? " aborted transaction" : " aborted transactions"));
        }
    }

    private TransactionalPipelineExample() {}

    /**
     * Runs the pipeline against the cluster of the command line.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.sentences"),
                    kafka.name("examples.shouted"),
                    kafka.name("shouter"),
                    kafka.args().intOption("records", 500));
            Console.line("%s", result.format());
        }
    }

    /**
     * Fills the input topic, runs the pipeline until the downstream reader has every output record,
     * then stops.
     *
     * @param cluster the cluster
     * @param input   the input topic to create and fill
     * @param output  the output topic to create
     * @param groupId the pipeline's consumer group; also the base of its transactional id
     * @param records how many input records
     * @return what the downstream reader saw
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(ClusterSettings cluster, String input, String output, String groupId, int records)
            throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(input, 3), ExampleTopics.topic(output, 3));
        fillInput(cluster, input, records);
        String failOn = sentence(records / 2);
        AtomicBoolean failed = new AtomicBoolean();
        Progress downstream = new Progress("committed output records read downstream", records);
        Set<String> distinct = ConcurrentHashMap.newKeySet();

        ProducerSettings producerSettings = ProducerSettings.builder()
                .name("shouter-out")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .transactionalId(groupId + "-tx")
                .build();
        ConsumerSettings consumerSettings = ConsumerSettings.builder()
                .name("shouter-in")
                .cluster(cluster)
                .groupId(groupId)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .maxPollRecords(100)
                .build();
        // tag::pipeline[]
        try (TransactionalProducer<String, String> producer =
                        TransactionalProducer.create(producerSettings, Serdes.string(), Serdes.string());
                SdkConsumer<String, String> pipeline = SdkConsumer.builder(
                                consumerSettings, Serdes.string(), Serdes.string())
                        .subscribe(input)
                        .commitMode(CommitMode.transactional(producer))
                        .recordHandler(record -> {
                            if (record.value().equals(failOn) && failed.compareAndSet(false, true)) {
                                throw new IllegalStateException("simulated failure in the middle of a transaction");
                            }
                            String shouted = record.value().toUpperCase(Locale.ROOT);
                            // sent inside the round's transaction, committed with the round's input offsets
                            producer.send(OutgoingRecord.of(output, record.key(), shouted));
                        })
                        .build();
                // end::pipeline[]
                SdkConsumer<String, String> reader = readCommitted(cluster, output, value -> {
                    distinct.add(value);
                    downstream.add(1);
                })) {
            pipeline.start();
            reader.start();
            downstream.await(Duration.ofSeconds(60), pipeline, reader);
        }
        return new Result(records, (int) downstream.count(), distinct.size(), failed.get() ? 1 : 0);
    }

    /**
     * The text of input record {@code n}.
     *
     * @param n the record number
     * @return e.g. {@code sentence 42 of the input}
     */
    public static String sentence(int n) {
        return "sentence " + n + " of the input";
    }

    private static void fillInput(ClusterSettings cluster, String input, int records) throws Exception {
        ProducerSettings settings = ProducerSettings.builder()
                .name("sentences")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .build();
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        try (SdkProducer<String, String> producer = SdkProducer.create(settings, Serdes.string(), Serdes.string())) {
            for (int i = 0; i < records; i++) {
                sends.add(producer.send(input, "key-" + i, sentence(i)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static SdkConsumer<String, String> readCommitted(
            ClusterSettings cluster, String topic, Consumer<String> sink) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("downstream")
                .cluster(cluster)
                .isolationLevel(IsolationLevel.READ_COMMITTED)
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(Subscription.assignAll(topic))
                .startPosition(StartPositionStrategy.always(StartPosition.beginning()))
                .commitMode(CommitMode.none())
                .recordHandler(record -> sink.accept(record.value()))
                .build();
    }
}
