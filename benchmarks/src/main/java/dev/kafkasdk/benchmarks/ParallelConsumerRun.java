package dev.kafkasdk.benchmarks;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The slow-handler run of Confluent's Parallel Consumer: {@link ProcessingOrder#KEY}, at most
 * {@value #MAX_CONCURRENCY} records in flight, offsets committed with {@code commitSync} on its
 * own schedule ({@link CommitMode#PERIODIC_CONSUMER_SYNC}), each record handled by
 * {@link SlowHandler} with the run's simulated I/O wait.
 *
 * <p>Parallel Consumer 0.5.3.3 does not run with kafka-clients 4.x (its control loop needs
 * {@code org.apache.kafka.common.utils.CloseableIterator}, which Kafka 4 moved), so this class runs
 * in a child JVM whose classpath holds kafka-clients 3.9.1 instead; {@link ParallelConsumerProcess}
 * starts it. {@link #main} prints one {@value #RESULT_PREFIX} line that the parent reads.
 */
final class ParallelConsumerRun {

    /** Records Parallel Consumer may process at once. */
    static final int MAX_CONCURRENCY = 64;

    /** Starts the line of standard output that carries the result. */
    static final String RESULT_PREFIX = "PARALLEL-CONSUMER-RESULT";

    private ParallelConsumerRun() {}

    /**
     * Reads the topic twice with fresh groups, first untimed to warm this JVM up, then timed, and
     * prints {@code PARALLEL-CONSUMER-RESULT <nanos> <cpuNanos>} for the timed run. Exits 1 when a
     * run fails.
     *
     * @param args the topic, the number of records in it, the group id, the handler's simulated I/O
     *     wait in milliseconds, then consumer properties as {@code key=value}
     */
    public static void main(String[] args) throws Exception {
        String topic = args[0];
        long records = Long.parseLong(args[1]);
        String group = args[2];
        Duration wait = Duration.ofMillis(Long.parseLong(args[3]));
        Map<String, Object> properties = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            properties.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-warm-up");
            run(properties, topic, records, wait, Duration.ofMinutes(5));
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            long cpuBefore = ClientCpu.nanos();
            long nanos = run(properties, topic, records, wait, Duration.ofMinutes(5));
            System.out.println(RESULT_PREFIX + " " + nanos + " " + (ClientCpu.nanos() - cpuBefore));
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Reads {@code records} records of {@code topic} from the beginning and handles each one with a
     * {@link SlowHandler}. The processor and its {@code KafkaConsumer} are closed before returning.
     *
     * @param consumerProperties kafka-clients consumer properties, group id included; auto commit
     *     must be off
     * @param topic the topic
     * @param records how many records the topic holds
     * @param wait the handler's simulated I/O wait per record
     * @param timeout how long the run may take
     * @return the elapsed nanoseconds from the first record's start to the last record's end
     * @throws IllegalStateException if Parallel Consumer fails or not every record is handled in time
     * @throws InterruptedException if the calling thread is interrupted
     */
    static long run(Map<String, Object> consumerProperties, String topic, long records, Duration wait, Duration timeout)
            throws InterruptedException {
        SlowHandler handler = new SlowHandler(records, wait);
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
        ParallelConsumerOptions<String, String> options = ParallelConsumerOptions.<String, String>builder()
                .consumer(consumer)
                .ordering(ProcessingOrder.KEY)
                .maxConcurrency(MAX_CONCURRENCY)
                .commitMode(CommitMode.PERIODIC_CONSUMER_SYNC)
                .build();
        ParallelStreamProcessor<String, String> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
        try {
            processor.subscribe(List.of(topic));
            processor.poll(context -> context.forEach(record -> handler.handle(record.getConsumerRecord())));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!handler.await(Duration.ofMillis(200))) {
                if (processor.isClosedOrFailed() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Parallel Consumer handled only " + handler.handled() + " of "
                            + records + " records" + (processor.isClosedOrFailed() ? "; it has failed" : ""));
                }
            }
            processor.closeDrainFirst();
            return handler.nanos();
        } finally {
            if (!processor.isClosedOrFailed()) {
                processor.closeDontDrainFirst();
            }
        }
    }
}
