package dev.kafkasdk.core.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one handled record, from its hand-off to the handler until the
 * handler returns or throws; each attempt of a retried record is an observation of its own. Its
 * carrier is the record's headers: a propagating tracing handler reads the producer's context there
 * and makes this observation its child; a record without context starts a new trace. The SDK
 * fills it; handlers only read it.
 *
 * @since 0.1
 */
public final class KafkaProcessContext extends ReceiverContext<Headers> {

    private final String topic;
    private final int partition;
    private final long offset;
    private final byte @Nullable [] key;
    private final @Nullable String group;
    private final String clientId;
    private final int attempt;

    /**
     * Creates the context of a handled record. Called by the SDK.
     *
     * @param headers the record's headers
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset
     * @param key the serialized key, or {@code null}
     * @param group the consumer group, or {@code null} without one
     * @param clientId the consumer's client id
     * @param attempt 1 for the first handling, 2 for the first retry, and so on
     */
    public KafkaProcessContext(
            Headers headers,
            String topic,
            int partition,
            long offset,
            byte @Nullable [] key,
            @Nullable String group,
            String clientId,
            int attempt) {
        super(KafkaHeadersCarrier.GETTER, Kind.CONSUMER);
        setCarrier(Objects.requireNonNull(headers, "headers"));
        setRemoteServiceName("kafka");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.group = group;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.attempt = attempt;
    }

    /**
     * The record's topic.
     *
     * @return the topic
     */
    public String topic() {
        return topic;
    }

    /**
     * The record's partition.
     *
     * @return the partition
     */
    public int partition() {
        return partition;
    }

    /**
     * The record's offset.
     *
     * @return the offset
     */
    public long offset() {
        return offset;
    }

    /**
     * The serialized key.
     *
     * @return the key bytes, or {@code null}
     */
    public byte @Nullable [] key() {
        return key;
    }

    /**
     * The consumer group.
     *
     * @return the group, or {@code null} for a consumer without group
     */
    public @Nullable String group() {
        return group;
    }

    /**
     * The consumer's client id.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Which attempt at this record this is.
     *
     * @return 1 for the first handling, 2 for the first retry, and so on
     */
    public int attempt() {
        return attempt;
    }
}
