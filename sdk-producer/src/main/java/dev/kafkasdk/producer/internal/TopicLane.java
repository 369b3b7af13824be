package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import java.util.ArrayDeque;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of one topic that wait for its metadata, oldest first, within the producer's
 * {@code pending-records} and {@code pending-bytes}. Guarded by its own monitor, which only
 * senders to a waiting topic and the {@link PendingTopics} thread take.
 */
final class TopicLane {

    /** The outcome of adding a record. */
    enum Offer {
        QUEUED,
        RECORDS_FULL,
        BYTES_FULL
    }

    /** One waiting record. */
    record Entry(ProducerRecord<byte[], byte[]> record, SendCompletion completion, int size, long queuedNanos) {
        String topic() {
            return record.topic();
        }

        Object key() {
            return completion.key();
        }
    }

    final String topic;
    /** Whether sends go straight to kafka-clients; written under the monitor. */
    volatile boolean ready = true;

    long waitingSince;
    /** The open question to the cluster about the topic, once {@code missing-topic-timeout} passed. */
    TopicDiagnosis.Probe probe;

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    TopicLane(String topic) {
        this.topic = topic;
    }

    Offer add(ProducerRecord<byte[], byte[]> record, SendCompletion completion, int size, ProducerLimits limits) {
        if (entries.size() >= limits.pendingRecords()) {
            return Offer.RECORDS_FULL;
        }
        if (bytes + size > limits.pendingBytes()) {
            return Offer.BYTES_FULL;
        }
        entries.addLast(new Entry(record, completion, size, System.nanoTime()));
        bytes += size;
        return Offer.QUEUED;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /**
     * Hands the records to kafka-clients in order; stops at the first that kafka-clients cannot
     * take without waiting (metadata gone again, or buffer.memory full), to retry later.
     *
     * @return how many left the lane
     */
    int drain(Producer<byte[], byte[]> kafka, int partitions, Function<Entry, KafkaSdkException> noSuchPartition) {
        int count = 0;
        Entry entry;
        while ((entry = entries.peekFirst()) != null) {
            SendCompletion completion = entry.completion();
            Integer partition = entry.record().partition();
            if (partition != null && partitions > 0 && partition >= partitions) {
                // kafka-clients would wait for that partition's metadata until the delivery timeout
                entries.pollFirst();
                bytes -= entry.size();
                completion.failHeld(noSuchPartition.apply(entry), "UnknownPartition");
                count++;
                continue;
            }
            completion.sendingDeferrable(true);
            try {
                kafka.send(entry.record(), completion);
            } catch (RuntimeException e) {
                completion.onCompletion(null, e);
            } finally {
                completion.sending(null);
            }
            if (completion.takeDeferred()) {
                break;
            }
            entries.pollFirst();
            bytes -= entry.size();
            count++;
        }
        return count;
    }

    /** Fails every record. */
    int failAll(Function<Entry, KafkaSdkException> failure) {
        int count = entries.size();
        Entry entry;
        while ((entry = entries.pollFirst()) != null) {
            entry.completion().failHeld(failure.apply(entry), "TopicMetadataUnavailable");
        }
        bytes = 0;
        return count;
    }

    /** Fails the records that waited longer than the limit. */
    int expire(long now, long limitNanos, Function<Entry, KafkaSdkException> failure) {
        int count = 0;
        Entry entry;
        while ((entry = entries.peekFirst()) != null && now - entry.queuedNanos() >= limitNanos) {
            entries.pollFirst();
            bytes -= entry.size();
            entry.completion().failHeld(failure.apply(entry), "TopicMetadataUnavailable");
            count++;
        }
        return count;
    }
}
