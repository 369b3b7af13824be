package dev.kafkasdk.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the values 0, 1, 2, ... with an idempotent acks=all producer from its own thread, at most 32
 * unacknowledged at a time, and remembers the metadata of every acknowledged value.
 */
final class SequentialSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Semaphore inFlight = new Semaphore(32);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Long, RecordMetadata> acked = new ConcurrentHashMap<>();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private SequentialSender(KafkaCluster kafka, String topic) {
        Map<String, Object> props = kafka.producerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.thread = new Thread(this::sendUntilStopped, "sequential-sender-" + topic);
    }

    static SequentialSender start(KafkaCluster kafka, String topic) {
        SequentialSender sender = new SequentialSender(kafka, topic);
        sender.thread.start();
        return sender;
    }

    private void sendUntilStopped() {
        long next = 0;
        try {
            while (running.get()) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long value = next++;
                producer.send(
                        new ProducerRecord<>(topic, "key-" + (value % 12), Long.toString(value)), (metadata, error) -> {
                            inFlight.release();
                            if (error == null) {
                                acked.put(value, metadata);
                            } else {
                                failures.add(error);
                            }
                        });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    int ackedCount() {
        return acked.size();
    }

    void awaitAcked(int count, Duration timeout) {
        await("at least " + count + " acknowledged records")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> acked.size() >= count || !failures.isEmpty());
    }

    /** Stops sending, waits for every outstanding send to finish, returns a copy of the acked values. */
    Map<Long, RecordMetadata> stopAndFlush() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
        producer.flush();
        return new HashMap<>(acked);
    }

    List<Exception> failures() {
        return failures;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
