package dev.kafkasdk.core.observation;

import io.micrometer.observation.Observation;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one handled batch. A batch has no single parent: its records may
 * come from many traces. The observation is a child of whatever is current on the polling thread
 * (usually nothing: a new trace), and each record's producer context is available through
 * {@link #recordHeaders()} so that a tracing handler can add one span link per record; see
 * {@link BatchLinkingTracingHandler}. The SDK fills it; handlers only read it.
 *
 * @since 0.1
 */
public final class KafkaBatchProcessContext extends Observation.Context {

    private final Set<String> topics;
    private final List<Headers> recordHeaders;
    private final @Nullable String group;
    private final String clientId;

    /**
     * Creates the context of a handled batch. Called by the SDK.
     *
     * @param topics the topics of the batch's records
     * @param recordHeaders each record's headers, in batch order
     * @param group the consumer group, or {@code null} without one
     * @param clientId the consumer's client id
     */
    public KafkaBatchProcessContext(
            Set<String> topics, List<Headers> recordHeaders, @Nullable String group, String clientId) {
        this.topics = Set.copyOf(topics);
        this.recordHeaders = List.copyOf(recordHeaders);
        this.group = group;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * The topics of the batch's records.
     *
     * @return the topics, not empty
     */
    public Set<String> topics() {
        return topics;
    }

    /**
     * Each record's headers, in batch order; the carriers of the records' producer contexts.
     *
     * @return the headers, one per record
     */
    public List<Headers> recordHeaders() {
        return recordHeaders;
    }

    /**
     * How many records the batch holds.
     *
     * @return the count
     */
    public int count() {
        return recordHeaders.size();
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
}
