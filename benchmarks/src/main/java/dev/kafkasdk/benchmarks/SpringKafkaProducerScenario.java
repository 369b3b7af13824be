package dev.kafkasdk.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Spring Kafka peer of the producer benchmark: records sent through a {@link KafkaTemplate}
 * over a {@link DefaultKafkaProducerFactory} built from exactly the properties the SDK's preset
 * produces, so the two differ only in the layer above {@code KafkaProducer}.
 *
 * <p>The template is used as a plain object, without an application context: no Micrometer
 * observation or timers, the default logging producer listener, no transactions. The factory's
 * shared producer is created before the clock starts (the raw and SDK scenarios also build their
 * client first); topic metadata is fetched by the first send, inside the timed part, as in the
 * other scenarios. Completion is counted on the {@code CompletableFuture} each send returns.
 */
final class SpringKafkaProducerScenario {

    /** The scenario's row in the producer table. */
    static final String NAME = "Spring KafkaTemplate, BALANCED properties";

    private SpringKafkaProducerScenario() {}

    /**
     * Sends {@code records} values without keys and waits for every acknowledgement. Blocks the
     * calling thread; the factory and its producer are created here and closed before returning.
     *
     * @param properties kafka-clients producer properties; copied, not modified
     * @param topic an existing topic
     * @param payloads values to cycle through, record {@code i} sends {@code payloads[i % length]}
     * @param records how many records to send
     * @param latency records send-to-acknowledgement latency, as in the raw and SDK scenarios
     * @return nanoseconds from the first send to the last acknowledgement
     * @throws InterruptedException if interrupted while waiting for acknowledgements
     * @throws IllegalStateException if any send failed, or not all were acknowledged in 10 minutes
     */
    static long run(
            Map<String, Object> properties, String topic, byte[][] payloads, long records, LatencyRecorder latency)
            throws InterruptedException {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
                new HashMap<>(properties), new ByteArraySerializer(), new ByteArraySerializer());
        try {
            KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(factory);
            factory.createProducer(); // the shared producer; closed by factory.destroy()
            Completions completions = new Completions(records);
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                long sent = latency.start();
                template.send(topic, payloads[(int) (i % payloads.length)]).whenComplete((result, error) -> {
                    latency.record(sent);
                    completions.record(error);
                });
            }
            completions.await();
            return System.nanoTime() - start;
        } finally {
            factory.destroy();
        }
    }

    /** Counts completed sends and keeps the first failure. */
    private static final class Completions {
        private final long expected;
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Throwable> firstError = new AtomicReference<>();

        Completions(long expected) {
            this.expected = expected;
        }

        void record(Throwable error) {
            if (error != null) {
                failed.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
            if (completed.incrementAndGet() == expected) {
                done.countDown();
            }
        }

        void await() throws InterruptedException {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("timed out waiting for acknowledgements: " + this);
            }
            if (failed.get() > 0) {
                throw new IllegalStateException("sends failed during the benchmark: " + this, firstError.get());
            }
        }

        @Override
        public String toString() {
            return completed.get() + " of " + expected + " completed, " + failed.get() + " failed";
        }
    }
}
