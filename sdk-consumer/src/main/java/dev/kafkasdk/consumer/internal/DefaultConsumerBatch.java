package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** An immutable {@link ConsumerBatch} over records in partition-then-offset order. */
final class DefaultConsumerBatch<K, V> implements ConsumerBatch<K, V> {

    private final List<ConsumerRecord<K, V>> records;
    private Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition;

    DefaultConsumerBatch(List<ConsumerRecord<K, V>> records) {
        this.records = Collections.unmodifiableList(records);
    }

    @Override
    public List<ConsumerRecord<K, V>> records() {
        return records;
    }

    @Override
    public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
        return grouped().getOrDefault(partition, List.of());
    }

    @Override
    public Set<TopicPartition> partitions() {
        return grouped().keySet();
    }

    @Override
    public int count() {
        return records.size();
    }

    @Override
    public Map<TopicPartition, Long> nextOffsets() {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return Collections.unmodifiableMap(next);
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        return records.iterator();
    }

    private Map<TopicPartition, List<ConsumerRecord<K, V>>> grouped() {
        if (byPartition == null) {
            Map<TopicPartition, List<ConsumerRecord<K, V>>> map = new LinkedHashMap<>();
            for (ConsumerRecord<K, V> record : records) {
                map.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                        .add(record);
            }
            map.replaceAll((p, list) -> Collections.unmodifiableList(list));
            byPartition = Collections.unmodifiableMap(map);
        }
        return byPartition;
    }

    @Override
    public String toString() {
        return "ConsumerBatch{count=" + records.size() + ", partitions=" + partitions() + '}';
    }
}
