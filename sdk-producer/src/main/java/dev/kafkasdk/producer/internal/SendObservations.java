package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.internal.observation.KafkaConventions;
import dev.kafkasdk.core.observation.KafkaSendContext;
import dev.kafkasdk.producer.SendCallback;
import dev.kafkasdk.producer.SendResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Starts one observation per send when the producer was given an {@link ObservationRegistry}; a
 * producer without one has no instance of this class and creates nothing per send. The
 * observation starts on the sending thread (so the caller's current observation is its parent),
 * writes the trace context into the record's headers before the record reaches kafka-clients, and
 * stops when the send completes, before the caller's future or callback hears of it.
 */
final class SendObservations {

    private final ObservationRegistry registry;
    private final String clientId;

    SendObservations(ObservationRegistry registry, String clientId) {
        this.registry = registry;
        this.clientId = clientId;
    }

    /**
     * Starts the observation of a send.
     *
     * @param raw the encoded record, whose headers are still writable
     * @param listener the caller's {@link CompletableFuture} or {@link SendCallback}
     * @return the listener to complete instead: it stops the observation, then tells the caller's
     */
    Object start(ProducerRecord<byte[], byte[]> raw, Object listener) {
        // the context is made only if the registry observes anything: a no-op registry costs one call
        Observation observation = Observation.createNotStarted(
                null,
                KafkaConventions.SEND_CONVENTION,
                () -> new KafkaSendContext(
                        raw.headers(),
                        raw.topic(),
                        clientId,
                        raw.key(),
                        raw.partition() == null ? -1 : raw.partition()),
                registry);
        if (observation.isNoop()) {
            return listener;
        }
        observation.start();
        return new Stopping(observation, (KafkaSendContext) observation.getContext(), listener);
    }

    /** Stops the observation, then completes the caller's future or runs the caller's callback. */
    private record Stopping(Observation observation, KafkaSendContext context, Object target) implements SendCallback {

        @Override
        @SuppressWarnings("unchecked")
        public void onCompletion(SendResult result, KafkaSdkException failure) {
            if (result != null) {
                context.acknowledged(result.partition(), result.hasOffset() ? result.offset() : -1);
            }
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
            if (target instanceof CompletableFuture<?> future) {
                if (failure == null) {
                    ((CompletableFuture<SendResult>) future).complete(result);
                } else {
                    future.completeExceptionally(failure);
                }
            } else {
                ((SendCallback) target).onCompletion(result, failure);
            }
        }
    }
}
