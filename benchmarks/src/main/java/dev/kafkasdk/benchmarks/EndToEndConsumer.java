package dev.kafkasdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The measuring consumer of the fixed-rate benchmark: one raw {@link KafkaConsumer} on its own thread,
 * assigned every partition of the point's topic from offset 0 (no group, so no heartbeat thread), the
 * same for every scenario. Each value starts with its record's intended send time (8 bytes,
 * {@link System#nanoTime()} scale, this JVM); the consumer records now minus that time for every
 * record whose intended time lies in the measured window.
 *
 * <p>Its thread's CPU time and allocations are reported so that the point can leave them out of the
 * producer's figures. Threading: {@link #start} and {@link #close} from the benchmark's thread.
 */
final class EndToEndConsumer implements AutoCloseable {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Histogram latencyMicros = new Histogram(3);
    private final AtomicLong measured = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final int partitions;
    private volatile long windowStartNanos = Long.MAX_VALUE;
    private volatile boolean running = true;
    private volatile Throwable failure;

    EndToEndConsumer(String bootstrapServers, String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.thread = new Thread(this::loop, "rate-e2e-consumer");
        thread.setDaemon(true);
    }

    /**
     * Starts reading and returns once the consumer holds a position on every partition.
     *
     * @param windowStart intended send times from here on are measured
     */
    void start(long windowStart) throws InterruptedException {
        this.windowStartNanos = windowStart;
        thread.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the measuring consumer found no position on " + topic + " in 30 s");
        }
    }

    private void loop() {
        try {
            List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            all.forEach(consumer::position);
            ready.countDown();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    long intended = ByteBuffer.wrap(r.value()).getLong(0);
                    if (intended >= windowStartNanos) {
                        latencyMicros.recordValue(Math.max(0, (now - intended) / 1_000));
                        measured.incrementAndGet();
                    }
                }
            }
        } catch (Throwable t) {
            failure = t;
            ready.countDown();
        } finally {
            consumer.close();
        }
    }

    /**
     * Records of the measured window consumed so far.
     *
     * @return the count
     */
    long measured() {
        return measured.get();
    }

    /**
     * This consumer thread's CPU time so far.
     *
     * @return nanoseconds
     */
    long cpuNanos() {
        return Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
    }

    /**
     * This consumer thread's allocated bytes so far.
     *
     * @return bytes
     */
    long allocatedBytes() {
        return Math.max(0, THREADS.getThreadAllocatedBytes(thread.getId()));
    }

    /**
     * The end-to-end percentiles; call after {@link #close()}.
     *
     * @return milliseconds
     */
    RateResult.Percentiles percentiles() {
        return RatePoint.percentiles(latencyMicros);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null) {
            throw new IllegalStateException("the measuring consumer failed on " + topic, failure);
        }
    }
}
