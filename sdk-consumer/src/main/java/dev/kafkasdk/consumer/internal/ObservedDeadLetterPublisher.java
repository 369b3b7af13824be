package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.core.internal.observation.KafkaConventions;
import dev.kafkasdk.core.observation.KafkaObservationKeys;
import dev.kafkasdk.core.observation.KafkaSendContext;
import io.micrometer.observation.Observation;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A dead-letter publisher that observes each publish as a send whose parent is the failed handling
 * of that record (the last failure on the publishing thread), so the dead letter's
 * {@code traceparent} points back to it and the trace goes on. A letter with no observed failure
 * (a record that could not be deserialized) passes through unobserved, keeping the producer's
 * {@code traceparent}.
 */
final class ObservedDeadLetterPublisher implements DeadLetterPublisher {

    private final DeadLetterPublisher publisher;
    private final HandlerObservations observations;
    private final @Nullable Function<String, String> naming;

    ObservedDeadLetterPublisher(
            DeadLetterPublisher publisher,
            HandlerObservations observations,
            @Nullable Function<String, String> naming) {
        this.publisher = publisher;
        this.observations = observations;
        this.naming = naming;
    }

    @Override
    public CompletableFuture<Void> publish(DeadLetter letter) {
        Observation failed = observations.failedHandling(
                new HandlerObservations.Position(letter.topic(), letter.partition(), letter.offset()));
        if (failed == null) {
            return publisher.publish(letter);
        }
        RecordHeaders headers = new RecordHeaders(letter.headers().toArray());
        headers.remove(KafkaObservationKeys.TRACEPARENT);
        headers.remove(KafkaObservationKeys.TRACESTATE);
        String destination = naming == null ? letter.topic() + " (dead letter)" : naming.apply(letter.topic());
        KafkaSendContext context =
                new KafkaSendContext(headers, destination, observations.clientId() + "-dlt", letter.key(), -1);
        Observation observation = Observation.createNotStarted(
                        null, KafkaConventions.SEND_CONVENTION, () -> context, observations.registry())
                .parentObservation(failed)
                .start();
        CompletableFuture<Void> result;
        try {
            result = publisher.publish(new DeadLetter(
                    letter.topic(),
                    letter.partition(),
                    letter.offset(),
                    letter.timestamp(),
                    letter.timestampType(),
                    letter.key(),
                    letter.value(),
                    headers,
                    letter.reason(),
                    letter.cause()));
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        return result.whenComplete((ignored, error) -> {
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        });
    }

    @Override
    public Optional<String> topicFor(String sourceTopic) {
        return publisher.topicFor(sourceTopic);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
