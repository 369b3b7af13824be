package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.BatchHandler;
import dev.kafkasdk.consumer.ConsumerBatch;
import dev.kafkasdk.core.internal.observation.KafkaConventions;
import dev.kafkasdk.core.observation.KafkaBatchProcessContext;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * A batch handler that observes each call as one observation carrying every record's headers, so
 * that a tracing handler can link the batch to each record's producer context.
 */
final class ObservedBatchHandler<K, V> implements BatchHandler<K, V> {

    private final BatchHandler<K, V> handler;
    private final HandlerObservations observations;

    ObservedBatchHandler(BatchHandler<K, V> handler, HandlerObservations observations) {
        this.handler = handler;
        this.observations = observations;
    }

    @Override
    public void handle(ConsumerBatch<K, V> batch) throws Exception {
        HandlerObservations.clearFailure();
        List<Headers> headers = new ArrayList<>(batch.count());
        Set<String> topics = new LinkedHashSet<>();
        for (ConsumerRecord<K, V> record : batch) {
            headers.add(record.headers());
            topics.add(record.topic());
        }
        Observation observation = Observation.createNotStarted(
                        null,
                        KafkaConventions.BATCH_CONVENTION,
                        () -> new KafkaBatchProcessContext(
                                topics, headers, observations.group(), observations.clientId()),
                        observations.registry())
                .start();
        LogContext.putBatch(topics.size() == 1 ? topics.iterator().next() : null, observations.group());
        try (Observation.Scope scope = observation.openScope()) {
            if (observations.batchRecords()) {
                handleObservingRecords(batch);
            } else {
                handler.handle(batch);
            }
        } catch (Exception | Error e) {
            observation.error(e);
            Set<TopicPartition> partitions = Set.copyOf(batch.partitions());
            HandlerObservations.failedBatch(
                    observation, p -> partitions.contains(new TopicPartition(p.topic(), p.partition())));
            throw e;
        } finally {
            LogContext.clear();
            observation.stop();
        }
    }

    /** The handler sees a batch whose iteration observes each record; the one in hand ends with the call. */
    private void handleObservingRecords(ConsumerBatch<K, V> batch) throws Exception {
        ObservedBatch<K, V> observed = new ObservedBatch<>(batch, observations);
        try {
            handler.handle(observed);
        } catch (Exception | Error e) {
            observed.finish(e);
            throw e;
        } finally {
            observed.finish(null);
        }
    }
}
