package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.internal.observation.KafkaConventions;
import dev.kafkasdk.core.observation.KafkaProcessContext;
import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record handler that observes each call: the observation is a child of the producer's context
 * read from the record's headers, its scope is open while the handler runs (so the handler's own
 * observations, spans and logs belong to it), and the MDC holds the record's place meanwhile.
 */
final class ObservedRecordHandler<K, V> implements RecordHandler<K, V> {

    private final RecordHandler<K, V> handler;
    private final HandlerObservations observations;

    ObservedRecordHandler(RecordHandler<K, V> handler, HandlerObservations observations) {
        this.handler = handler;
        this.observations = observations;
    }

    @Override
    public void handle(ConsumerRecord<K, V> record) throws Exception {
        HandlerObservations.clearFailure();
        HandlerObservations.Position position =
                new HandlerObservations.Position(record.topic(), record.partition(), record.offset());
        // the context is made only if the registry observes anything (a no-op registry: MDC only)
        Observation observation = Observation.createNotStarted(
                        null,
                        KafkaConventions.PROCESS_CONVENTION,
                        () -> new KafkaProcessContext(
                                record.headers(),
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                rawKey(record),
                                observations.group(),
                                observations.clientId(),
                                observations.attempt(position)),
                        observations.registry())
                .start();
        LogContext.put(record.topic(), record.partition(), record.offset(), observations.group());
        try (Observation.Scope scope = observation.openScope()) {
            handler.handle(record);
            observations.succeeded(position);
        } catch (Exception | Error e) {
            observation.error(e);
            observations.failed(position, observation);
            throw e;
        } finally {
            LogContext.clear();
            observation.stop();
        }
    }

    /** The key's bytes when the key is text or bytes (for the span's key attribute); else null. */
    private static byte[] rawKey(ConsumerRecord<?, ?> record) {
        Object key = record.key();
        if (key instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return key instanceof byte[] bytes ? bytes : null;
    }
}
