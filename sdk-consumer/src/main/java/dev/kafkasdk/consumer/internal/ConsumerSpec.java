package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.BatchHandler;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.LivenessOptions;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.GroupProtocol;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Everything a validated builder decided; the consumer is created from it. Immutable except the
 * caller-owned objects it refers to.
 *
 * @param clientId the client id (set in the properties too)
 * @param kafkaProperties the exact kafka-clients properties
 * @param groupId the group id, if any
 * @param protocol the group protocol
 * @param maxPollInterval {@code max.poll.interval.ms}
 * @param maxPollRecords {@code max.poll.records}
 * @param sessionTimeout effective client {@code session.timeout.ms}
 * @param heartbeatInterval effective client {@code heartbeat.interval.ms}
 * @param subscription what to read
 * @param recordHandler the record handler, or {@code null}
 * @param batchHandler the batch handler, or {@code null}
 * @param keyDeserializer the key deserializer
 * @param valueDeserializer the value deserializer
 * @param commitMode the commit mode
 * @param failurePolicy the handler failure policy
 * @param poisonAction what to do with undeserializable records
 * @param publisher the dead-letter publisher, or {@code null}
 * @param ownsPublisher whether the consumer closes the publisher
 * @param startPositions the start position strategy
 * @param liveness the liveness options
 * @param registry the meter registry, or {@code null} for no metrics
 * @param tags common meter tags
 * @param maxTaggedPartitions how many partitions get their own lag gauge
 * @param pollTimeout the poll timeout
 * @param clientFactory creates the Kafka client from the properties
 * @param concurrency concurrent processing, or {@link ConcurrencySpec#SEQUENTIAL}
 * @param readiness start-up bounds and the names failure messages give
 */
public record ConsumerSpec<K, V>(
        String clientId,
        Map<String, Object> kafkaProperties,
        Optional<String> groupId,
        GroupProtocol protocol,
        Duration maxPollInterval,
        int maxPollRecords,
        Duration sessionTimeout,
        Duration heartbeatInterval,
        Subscription subscription,
        RecordHandler<K, V> recordHandler,
        BatchHandler<K, V> batchHandler,
        Deserializer<K> keyDeserializer,
        Deserializer<V> valueDeserializer,
        CommitMode commitMode,
        FailurePolicy failurePolicy,
        FailureAction poisonAction,
        DeadLetterPublisher publisher,
        boolean ownsPublisher,
        StartPositionStrategy startPositions,
        LivenessOptions liveness,
        MeterRegistry registry,
        Tags tags,
        int maxTaggedPartitions,
        Duration pollTimeout,
        Function<Map<String, Object>, Consumer<byte[], byte[]>> clientFactory,
        ConcurrencySpec concurrency,
        ReadinessSpec readiness) {}
