package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerBatch;
import dev.kafkasdk.core.internal.observation.KafkaConventions;
import dev.kafkasdk.core.observation.KafkaProcessContext;
import io.micrometer.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A batch whose iteration observes each record: while the handler works on a record it got from
 * the batch's iterator (a for-each over the batch, {@code forEach}), that record has an observation
 * of its own ({@code kafka.sdk.process}, span {@code process <topic>}), a child of the record's
 * producer context, whose scope is current, so the handler's own spans, sends and logs belong to
 * the record's trace. The observation ends when the handler asks for the next record, when the
 * iteration ends, or when the handler returns or throws (then with the error). {@link #records()}
 * and {@link #records(TopicPartition)} hand out the plain lists: random access is not observed.
 * Used on the handler's thread only.
 */
final class ObservedBatch<K, V> implements ConsumerBatch<K, V> {

    private final ConsumerBatch<K, V> batch;
    private final HandlerObservations observations;
    private @Nullable Observation current;
    private Observation.@Nullable Scope scope;

    ObservedBatch(ConsumerBatch<K, V> batch, HandlerObservations observations) {
        this.batch = batch;
        this.observations = observations;
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        Iterator<ConsumerRecord<K, V>> records = batch.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more) {
                    finish(null);
                }
                return more;
            }

            @Override
            public ConsumerRecord<K, V> next() {
                finish(null);
                ConsumerRecord<K, V> record = records.next(); // NoSuchElementException passes through
                open(record);
                return record;
            }
        };
    }

    /** Ends the observation of the record in hand, if any, with the handler's failure, if any. */
    void finish(@Nullable Throwable failure) {
        Observation observation = current;
        if (observation == null) {
            return;
        }
        current = null;
        if (scope != null) {
            scope.close();
            scope = null;
        }
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    private void open(ConsumerRecord<K, V> record) {
        Observation observation = Observation.createNotStarted(
                        null,
                        KafkaConventions.PROCESS_CONVENTION,
                        () -> new KafkaProcessContext(
                                record.headers(),
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                rawKey(record.key()),
                                observations.group(),
                                observations.clientId(),
                                1),
                        observations.registry())
                .start();
        current = observation;
        scope = observation.openScope();
    }

    private static byte @Nullable [] rawKey(@Nullable Object key) {
        if (key instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return key instanceof byte[] bytes ? bytes : null;
    }

    @Override
    public List<ConsumerRecord<K, V>> records() {
        return batch.records();
    }

    @Override
    public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
        return batch.records(partition);
    }

    @Override
    public Set<TopicPartition> partitions() {
        return batch.partitions();
    }

    @Override
    public int count() {
        return batch.count();
    }

    @Override
    public Map<TopicPartition, Long> nextOffsets() {
        return batch.nextOffsets();
    }

    @Override
    public String toString() {
        return batch.toString();
    }
}
