package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's own send meters. {@link #NOOP} costs nothing: no meters, and {@link #timing()} is
 * false so the send path never reads the clock for it.
 */
abstract class SendMetrics {

    /** {@code kafka.sdk.producer.send}: time from the send call to the outcome. */
    static final String SEND_TIMER = "producer.send";
    /** {@code kafka.sdk.producer.records.sent}: records the broker acknowledged. */
    static final String SENT_COUNTER = "producer.records.sent";
    /** {@code kafka.sdk.producer.records.failed}: failed records, by error type. */
    static final String FAILED_COUNTER = "producer.records.failed";

    static final SendMetrics NOOP = new SendMetrics() {
        @Override
        boolean timing() {
            return false;
        }

        @Override
        void succeeded(String topic, long startNanos) {}

        @Override
        void failed(String topic, String errorType, long startNanos) {}
    };

    /**
     * Meters created through the SDK's metrics facade, tagged with the producer's client id.
     *
     * @param metrics an enabled facade; the registry behind it is never closed here
     * @param clientId the producer's client id
     * @return the metrics
     */
    static SendMetrics micrometer(SdkMetrics metrics, String clientId) {
        return new Micrometer(metrics, clientId);
    }

    /** Whether the caller must pass a start time from {@link System#nanoTime()}. */
    abstract boolean timing();

    abstract void succeeded(String topic, long startNanos);

    abstract void failed(String topic, String errorType, long startNanos);

    private static final class Micrometer extends SendMetrics {
        private final SdkMetrics metrics;
        private final String clientId;
        private final ConcurrentMap<String, TopicMeters> topics = new ConcurrentHashMap<>();
        private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();

        Micrometer(SdkMetrics metrics, String clientId) {
            this.metrics = metrics;
            this.clientId = clientId;
        }

        @Override
        boolean timing() {
            return true;
        }

        @Override
        void succeeded(String topic, long startNanos) {
            TopicMeters meters = topics.computeIfAbsent(topic, this::metersFor);
            meters.sent.increment();
            meters.successLatency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        void failed(String topic, String errorType, long startNanos) {
            TopicMeters meters = topics.computeIfAbsent(topic, this::metersFor);
            meters.failureLatency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            failures.computeIfAbsent(
                            topic + '\u0000' + errorType,
                            key -> metrics.counter(
                                    FAILED_COUNTER, "client.id", clientId, "topic", topic, "error", errorType))
                    .increment();
        }

        private TopicMeters metersFor(String topic) {
            return new TopicMeters(
                    metrics.counter(SENT_COUNTER, "client.id", clientId, "topic", topic),
                    metrics.timer(SEND_TIMER, "client.id", clientId, "topic", topic, "outcome", "success"),
                    metrics.timer(SEND_TIMER, "client.id", clientId, "topic", topic, "outcome", "failure"));
        }
    }

    private record TopicMeters(Counter sent, Timer successLatency, Timer failureLatency) {}
}
