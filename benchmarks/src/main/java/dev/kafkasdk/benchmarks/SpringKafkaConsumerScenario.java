package dev.kafkasdk.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The Spring Kafka peer of the consumer benchmark: a {@link ConcurrentMessageListenerContainer}
 * with concurrency 1 (the container a {@code @KafkaListener} gets) and {@link AckMode#BATCH}, so
 * the container commits synchronously after the listener has handled each poll's records, as the
 * SDK's sync-after-each-batch workflow does. The listener is a batch listener that counts.
 *
 * <p>The consumer factory gets exactly the properties of the SDK run, including its group id, so
 * the caller passes a fresh group per run. The container is used without an application context:
 * no Micrometer observation, the default error handler, its own consumer thread. The run is timed
 * from the first record delivered to the last one handled, like the other consumer scenarios.
 */
final class SpringKafkaConsumerScenario {

    /** The scenario's row in the consumer table. */
    static final String NAME = "Spring listener container, AckMode.BATCH";

    private SpringKafkaConsumerScenario() {}

    /**
     * Reads {@code records} records of {@code topic} from the group's starting position and stops
     * the container. Blocks the calling thread; the container's consumer thread does the reading.
     *
     * @param properties kafka-clients consumer properties with a group id; copied, not modified
     * @param topic the topic to subscribe to
     * @param records how many records to read before stopping
     * @return nanoseconds from the first record delivered to the last one handled
     * @throws InterruptedException if interrupted while waiting for the records
     * @throws IllegalStateException if fewer than {@code records} arrive within 5 minutes
     */
    static long run(Map<String, Object> properties, String topic, long records) throws InterruptedException {
        AtomicLong first = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setAckMode(AckMode.BATCH);
        containerProperties.setMessageListener((BatchMessageListener<byte[], byte[]>) batch -> {
            first.compareAndSet(0, System.nanoTime());
            if (seen.addAndGet(batch.size()) >= records && done.getCount() > 0) {
                last.set(System.nanoTime());
                done.countDown();
            }
        });
        ConcurrentMessageListenerContainer<byte[], byte[]> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(
                        new HashMap<>(properties), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                containerProperties);
        container.setConcurrency(1);
        container.start();
        try {
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Spring container read only " + seen.get() + " of " + records);
            }
        } finally {
            container.stop();
        }
        return last.get() - first.get();
    }
}
