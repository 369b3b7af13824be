package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ShareBatch;
import dev.kafkasdk.consumer.ShareOutcome;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@link ShareBatch} of one batch handler call; outcomes are kept by record identity. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class DefaultShareBatch<K, V> implements ShareBatch<K, V> {

    private final List<ConsumerRecord<K, V>> records;
    private final Set<ConsumerRecord<K, V>> members = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<ConsumerRecord<K, V>, ShareOutcome> outcomes = new IdentityHashMap<>();

    DefaultShareBatch(List<ConsumerRecord<K, V>> records) {
        this.records = List.copyOf(records);
        members.addAll(this.records);
    }

    @Override
    public List<ConsumerRecord<K, V>> records() {
        return records;
    }

    @Override
    public int count() {
        return records.size();
    }

    @Override
    public synchronized void outcome(ConsumerRecord<K, V> record, ShareOutcome outcome) {
        requireMember(record);
        outcomes.put(record, Objects.requireNonNull(outcome, "outcome"));
    }

    @Override
    public synchronized Optional<ShareOutcome> outcome(ConsumerRecord<K, V> record) {
        requireMember(record);
        return Optional.ofNullable(outcomes.get(record));
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        return records.iterator();
    }

    private void requireMember(ConsumerRecord<K, V> record) {
        if (members.contains(record)) {
            return;
        }
        throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " is not in this batch of " + records.size() + " records");
    }
}
