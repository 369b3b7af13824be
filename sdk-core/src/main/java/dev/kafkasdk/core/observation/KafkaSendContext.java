package dev.kafkasdk.core.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one send, from the call to {@code send} until the broker's
 * acknowledgement or the failure. Its carrier is the outgoing record's headers: a propagating
 * tracing handler writes the current trace context there (W3C {@code traceparent} with
 * OpenTelemetry) before the record leaves. The SDK fills it; handlers only read it.
 *
 * @since 0.1
 */
public final class KafkaSendContext extends SenderContext<Headers> {

    private final String topic;
    private final String clientId;
    private final byte @Nullable [] key;
    private volatile int partition;
    private volatile long offset = -1;

    /**
     * Creates the context of a send. Called by the SDK.
     *
     * @param headers the outgoing record's headers, written by propagation
     * @param topic the destination topic
     * @param clientId the sending client's id
     * @param key the serialized key, or {@code null}
     * @param partition the requested partition, or -1 if the partitioner chooses
     */
    public KafkaSendContext(Headers headers, String topic, String clientId, byte @Nullable [] key, int partition) {
        super(KafkaHeadersCarrier.SETTER, Kind.PRODUCER);
        setCarrier(Objects.requireNonNull(headers, "headers"));
        setRemoteServiceName("kafka");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.key = key;
        this.partition = partition;
    }

    /**
     * The destination topic.
     *
     * @return the topic
     */
    public String topic() {
        return topic;
    }

    /**
     * The sending client's id.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The serialized key.
     *
     * @return the key bytes, or {@code null} for a record without key
     */
    public byte @Nullable [] key() {
        return key;
    }

    /**
     * The partition: the requested one, or the one the broker acknowledged.
     *
     * @return the partition, or -1 while unknown
     */
    public int partition() {
        return partition;
    }

    /**
     * The record's offset.
     *
     * @return the offset, or -1 until acknowledged (and for {@code acks=0})
     */
    public long offset() {
        return offset;
    }

    /**
     * Records the broker's acknowledgement. Called by the SDK before the observation stops.
     *
     * @param ackPartition the partition written to
     * @param ackOffset the offset, or -1 if unknown
     */
    public void acknowledged(int ackPartition, long ackOffset) {
        this.partition = ackPartition;
        this.offset = ackOffset;
    }
}
