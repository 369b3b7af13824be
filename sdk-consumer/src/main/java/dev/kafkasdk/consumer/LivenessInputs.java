package dev.kafkasdk.consumer;

import dev.kafkasdk.core.config.GroupProtocol;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link LivenessAdvisor} evaluates: the consumer's liveness settings and what was
 * measured.
 *
 * @param protocol the group protocol in use
 * @param sessionTimeout the client's {@code session.timeout.ms} (classic protocol; Kafka's default 45 s when unset)
 * @param heartbeatInterval the client's {@code heartbeat.interval.ms} (classic protocol; default 3 s)
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param maxPollRecords {@code max.poll.records}
 * @param maxGcPause the longest stop-the-world GC pause observed, if any was
 * @param p99RecordTime the 99th percentile of the handler's time per record, if measured
 * @param brokerSessionTimeout the broker's {@code group.consumer.session.timeout.ms}, if read
 * @param brokerHeartbeatInterval the broker's {@code group.consumer.heartbeat.interval.ms}, if read
 * @param adaptiveBatch whether the consumer shrinks rounds to fit the poll budget
 * @param budgetFraction the share of {@code max.poll.interval.ms} one round may use
 * @since 0.1
 */
public record LivenessInputs(
        GroupProtocol protocol,
        Duration sessionTimeout,
        Duration heartbeatInterval,
        Duration maxPollInterval,
        int maxPollRecords,
        Optional<Duration> maxGcPause,
        Optional<Duration> p99RecordTime,
        Optional<Duration> brokerSessionTimeout,
        Optional<Duration> brokerHeartbeatInterval,
        boolean adaptiveBatch,
        double budgetFraction) {

    /** Kafka's default {@code session.timeout.ms} for the classic protocol. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);
    /** Kafka's default {@code heartbeat.interval.ms} for the classic protocol. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(3);
    /** The broker's default {@code group.consumer.session.timeout.ms}. */
    public static final Duration DEFAULT_BROKER_SESSION_TIMEOUT = Duration.ofSeconds(45);
    /** The broker's default {@code group.consumer.heartbeat.interval.ms}. */
    public static final Duration DEFAULT_BROKER_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    /**
     * Validates the inputs.
     *
     * @param protocol the protocol
     * @param sessionTimeout the client session timeout
     * @param heartbeatInterval the client heartbeat interval
     * @param maxPollInterval the poll interval
     * @param maxPollRecords the poll records
     * @param maxGcPause the max GC pause
     * @param p99RecordTime the p99 per-record time
     * @param brokerSessionTimeout the broker session timeout
     * @param brokerHeartbeatInterval the broker heartbeat interval
     * @param adaptiveBatch whether adaptive
     * @param budgetFraction the budget fraction
     */
    public LivenessInputs {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(maxGcPause, "maxGcPause");
        Objects.requireNonNull(p99RecordTime, "p99RecordTime");
        Objects.requireNonNull(brokerSessionTimeout, "brokerSessionTimeout");
        Objects.requireNonNull(brokerHeartbeatInterval, "brokerHeartbeatInterval");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1: " + maxPollRecords);
        }
    }
}
