package dev.kafkasdk.consumer;

import dev.kafkasdk.consumer.internal.KafkaDeadLetterPublisher;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends records the consumer gave up on somewhere durable.
 *
 * <p>The consumer waits for the returned future before it treats the record as completed, so a dead
 * letter is never committed past without being stored. If the future fails, the consumer stops
 * ({@link ConsumerState#FAILED}) without committing the record.
 *
 * <p>Threading: called on the consumer's poll thread; implementations must not block in
 * {@link #publish} itself beyond handing the record over. Ownership: a publisher passed to
 * {@link SdkConsumerBuilder#deadLetters(DeadLetterPublisher)} is not closed by the consumer.
 *
 * @since 0.1
 */
public interface DeadLetterPublisher extends AutoCloseable {

    /** Default dead-letter topic naming: the source topic plus {@code .DLT}. */
    Function<String, String> DEFAULT_TOPIC_NAMING = topic -> topic + ".DLT";

    /**
     * Publishes one dead letter.
     *
     * @param letter the record and why it failed
     * @return completes once the record is durably stored; fails otherwise. Never {@code null}
     */
    CompletableFuture<Void> publish(DeadLetter letter);

    /**
     * The dead-letter topic this publisher writes a source topic's records to, if it writes to Kafka
     * and knows. The consumer checks at start that these topics exist (or creates them, see the
     * setting {@code create-dead-letter-topics}); a publisher that returns empty is not checked.
     *
     * @param sourceTopic a topic the consumer reads
     * @return the dead-letter topic, or empty (the default)
     */
    default Optional<String> topicFor(String sourceTopic) {
        return Optional.empty();
    }

    /** Releases the publisher's resources. The default does nothing. */
    @Override
    default void close() {}

    /**
     * A publisher over a raw {@code byte[]} {@code KafkaProducer} (idempotent, {@code acks=all}) that
     * writes the original key and value bytes unchanged to {@code naming.apply(sourceTopic)}, with the
     * original headers plus the {@link DeadLetterHeaders}. The dead-letter topic must exist (a consumer
     * checks at start) or the broker must create it. Its {@code send()} blocks the poll thread at most
     * 30 s, or the properties' smaller {@code max.block.ms}. The producer is created now and closed by
     * {@link #close()}.
     *
     * @param producerProperties connection properties ({@code bootstrap.servers}, security); serializer,
     *     acks and idempotence keys are set by the publisher
     * @param naming maps a source topic to its dead-letter topic
     * @return a new publisher, owned by the caller
     */
    static DeadLetterPublisher kafka(Map<String, Object> producerProperties, Function<String, String> naming) {
        return new KafkaDeadLetterPublisher(
                Objects.requireNonNull(producerProperties, "producerProperties"),
                Objects.requireNonNull(naming, "naming"));
    }

    /**
     * Like {@link #kafka(Map, Function)} with the {@link #DEFAULT_TOPIC_NAMING}.
     *
     * @param producerProperties connection properties
     * @return a new publisher, owned by the caller
     */
    static DeadLetterPublisher kafka(Map<String, Object> producerProperties) {
        return kafka(producerProperties, DEFAULT_TOPIC_NAMING);
    }
}
