package dev.kafkasdk.it.reliability;

import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.DeliveryHistory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steady load for fault scenarios: one SDK producer (DURABLE preset) sending ids 0, 1, 2, ... with
 * 16 keys, at most 64 unacknowledged, and one SDK consumer in a group, both recording into a
 * {@link DeliveryHistory}. Everything goes through the given bootstrap servers (the fault proxies).
 */
final class Load implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Load.class);

    private final String topic;
    private final DeliveryHistory history = new DeliveryHistory();
    private final SdkProducer<String, String> producer;
    private final SdkConsumer<String, String> consumer;
    private final Semaphore inFlight = new Semaphore(64);
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final AtomicInteger failedSends = new AtomicInteger();
    private final AtomicLong maxAckMillis = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong sent = new AtomicLong();
    private final Thread sender;
    private final KafkaSdkConfig config;

    private Load(String topic, KafkaSdkConfig config) {
        this.topic = topic;
        this.config = config;
        this.producer = SdkProducer.create(config.producer("load"), Serdes.string(), Serdes.string());
        this.consumer = member();
        this.sender = new Thread(this::sendLoop, "load-sender-" + topic);
    }

    /** A consumer of the load's group that records what it handles in the history; not started. */
    SdkConsumer<String, String> member() {
        return SdkConsumer.builder(config.consumer("load"), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .recordHandler(
                        r -> history.consumed(r.topic(), r.partition(), r.offset(), r.key(), Long.parseLong(r.value())))
                .build();
    }

    /** Starts producing and consuming {@code topic} through {@code bootstrapServers}. */
    static Load start(String bootstrapServers, String topic) {
        return start(bootstrapServers, topic, "");
    }

    /**
     * As {@link #start(String, String)}, with extra consumer settings (YAML lines indented by four
     * spaces, e.g. the concurrent mode's {@code ordering} and {@code concurrency}).
     */
    static Load start(String bootstrapServers, String topic, String consumerSettings) {
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml("""
                        producers:
                          load:
                            preset: DURABLE
                            linger: 2ms
                            request-timeout: 5s
                            delivery-timeout: 2m
                        consumers:
                          load:
                            group-id: "%s-group"
                            auto-offset-reset: earliest
                            enable-auto-commit: false
                        %s
                        """.formatted(
                                topic,
                                consumerSettings
                                        .strip()
                                        .lines()
                                        .map(line -> "    " + line.strip())
                                        .collect(Collectors.joining("\n"))))
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", bootstrapServers))
                .load();
        Load load = new Load(topic, config);
        load.consumer.start();
        load.sender.start();
        return load;
    }

    private void sendLoop() {
        for (long id = 0; sending.get(); id++) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long valueId = id;
            String key = "key-" + (id % 16);
            long started = System.nanoTime();
            sent.incrementAndGet();
            producer.send(topic, key, Long.toString(valueId)).whenComplete((result, error) -> {
                inFlight.release();
                if (error == null) {
                    history.acknowledged(result.topic(), result.partition(), result.offset(), key, valueId);
                    long now = System.nanoTime();
                    maxAckMillis.accumulateAndGet(
                            Duration.ofNanos(now - started).toMillis(), Math::max);
                    lastAckNanos.accumulateAndGet(now, Math::max);
                } else {
                    failedSends.incrementAndGet();
                }
            });
        }
    }

    DeliveryHistory history() {
        return history;
    }

    /** Waits until at least {@code count} more acknowledgements than now arrived. */
    void awaitAcknowledged(int count, Duration timeout) {
        int target = history.acknowledgedCount() + count;
        await().atMost(timeout).until(() -> history.acknowledgedCount() >= target);
    }

    /**
     * Stops sending, waits for the outstanding acknowledgements, lets the consumer catch up with
     * everything acknowledged and returns the checker's report.
     */
    DeliveryHistory.Report finish(Duration timeout) throws InterruptedException {
        sending.set(false);
        sender.join(timeout.toMillis());
        producer.flush();
        await().atMost(timeout).until(() -> inFlight.availablePermits() == 64);
        int acknowledged = history.check().acknowledged();
        try {
            await().atMost(timeout).until(() -> history.consumedDistinct() >= acknowledged);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            LOG.warn("consumer did not catch up with {} acknowledged records within {}", acknowledged, timeout);
        }
        DeliveryHistory.Report report = history.check();
        LOG.info(
                "{}: sent={} failedSends={} maxAckLatencyMs={} {}",
                topic,
                sent.get(),
                failedSends.get(),
                maxAckMillis.get(),
                report);
        return report;
    }

    int failedSends() {
        return failedSends.get();
    }

    long maxAckMillis() {
        return maxAckMillis.get();
    }

    /**
     * Waits until no acknowledgement has arrived for {@code stall}: a fault injected before the call
     * then holds for at least that long, measured on the load rather than on a clock.
     */
    void awaitStalled(Duration stall, Duration timeout) {
        await().atMost(timeout).until(() -> System.nanoTime() - lastAckNanos.get() >= stall.toNanos());
    }

    @Override
    public void close() {
        sending.set(false);
        consumer.close(Duration.ofSeconds(20));
        producer.close();
    }
}
