package dev.kafkasdk.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loss, duplicate and order checker in the spirit of Jepsen's Kafka workload: producers record
 * what the broker acknowledged, consumers record what they handled, and {@link #check()} counts
 * lost acknowledged records, duplicate writes, redeliveries and order violations.
 *
 * <p>Each record carries a value id that is unique per record sent and grows in send order (for
 * example a counter of one producer). Order is checked by that id: within a partition and within a
 * key, a record at a higher offset must carry a higher id. With several producers writing to the
 * same partition or key, give each its own key range and read only the per-key figure.
 *
 * <p>Thread-safe: producers' callbacks and consumers' threads may record at the same time.
 */
public final class DeliveryHistory {

    /** Where a record sits and what it carries. */
    private record Event(String topic, int partition, long offset, String key, long valueId) {}

    private record Position(String topic, int partition, long offset) {}

    private final List<Event> acknowledged = new ArrayList<>();
    private final List<Event> consumed = new ArrayList<>();

    /** Creates an empty history. */
    public DeliveryHistory() {}

    /**
     * Records that the broker acknowledged a record (call it from the send callback or future).
     *
     * @param topic     the topic
     * @param partition the partition from the acknowledgement
     * @param offset    the offset from the acknowledgement
     * @param key       the record's key, may be {@code null}
     * @param valueId   the record's unique id
     */
    public synchronized void acknowledged(String topic, int partition, long offset, String key, long valueId) {
        acknowledged.add(new Event(Objects.requireNonNull(topic, "topic"), partition, offset, key, valueId));
    }

    /**
     * Records that a consumer handled a record.
     *
     * @param topic     the topic
     * @param partition the partition
     * @param offset    the offset
     * @param key       the record's key, may be {@code null}
     * @param valueId   the id carried in the record
     */
    public synchronized void consumed(String topic, int partition, long offset, String key, long valueId) {
        consumed.add(new Event(Objects.requireNonNull(topic, "topic"), partition, offset, key, valueId));
    }

    /**
     * How many acknowledgements were recorded so far.
     *
     * @return the count
     */
    public synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    /**
     * How many distinct value ids consumers have recorded so far.
     *
     * @return the count
     */
    public synchronized int consumedDistinct() {
        Set<Long> ids = new HashSet<>();
        consumed.forEach(e -> ids.add(e.valueId()));
        return ids.size();
    }

    /**
     * Compares what was acknowledged with what was consumed.
     *
     * @return the figures, a snapshot
     */
    public synchronized Report check() {
        Map<Long, Set<Position>> positionsById = new HashMap<>();
        Map<Position, Integer> deliveries = new HashMap<>();
        Map<Position, Event> log = new HashMap<>();
        for (Event e : consumed) {
            Position position = new Position(e.topic(), e.partition(), e.offset());
            positionsById.computeIfAbsent(e.valueId(), id -> new HashSet<>()).add(position);
            deliveries.merge(position, 1, Integer::sum);
            log.putIfAbsent(position, e);
        }
        TreeSet<Long> lost = new TreeSet<>();
        int misplaced = 0;
        Set<Long> ackedIds = new HashSet<>();
        for (Event ack : acknowledged) {
            ackedIds.add(ack.valueId());
            if (!positionsById.containsKey(ack.valueId())) {
                lost.add(ack.valueId());
            }
            Event atOffset = log.get(new Position(ack.topic(), ack.partition(), ack.offset()));
            if (atOffset != null && atOffset.valueId() != ack.valueId()) {
                misplaced++;
            }
        }
        int duplicateWrites =
                (int) positionsById.values().stream().filter(p -> p.size() > 1).count();
        int redeliveries = deliveries.values().stream().mapToInt(n -> n - 1).sum();
        Comparator<Event> byPosition = Comparator.comparing(Event::topic)
                .thenComparingInt(Event::partition)
                .thenComparingLong(Event::offset);
        List<Event> ordered = new ArrayList<>(log.values());
        ordered.sort(byPosition);
        int partitionViolations = 0;
        Map<String, Long> lastIdByKey = new HashMap<>();
        int keyViolations = 0;
        Event previous = null;
        for (Event e : ordered) {
            if (previous != null
                    && previous.topic().equals(e.topic())
                    && previous.partition() == e.partition()
                    && e.valueId() < previous.valueId()) {
                partitionViolations++;
            }
            if (e.key() != null) {
                String key = e.topic() + '\u0000' + e.key();
                Long last = lastIdByKey.put(key, e.valueId());
                if (last != null && e.valueId() < last) {
                    keyViolations++;
                }
            }
            previous = e;
        }
        return new Report(
                ackedIds.size(),
                positionsById.size(),
                consumed.size(),
                lost.size(),
                lost.stream().limit(10).toList(),
                duplicateWrites,
                redeliveries,
                partitionViolations,
                keyViolations,
                misplaced);
    }

    /**
     * The checker's figures.
     *
     * @param acknowledged        distinct value ids the broker acknowledged
     * @param consumedDistinct    distinct value ids consumers handled
     * @param consumedTotal       records consumers handled, redeliveries included
     * @param lost                acknowledged ids no consumer handled
     * @param lostSample          up to ten of the lost ids, smallest first
     * @param duplicateWrites     ids found at more than one offset (written twice)
     * @param redeliveries        extra deliveries of an offset already handled (consumer-side duplicates)
     * @param partitionOrderViolations adjacent offsets of a partition whose ids go backwards
     * @param keyOrderViolations  consecutive records of a key whose ids go backwards
     * @param misplaced           acknowledged offsets that consumers found holding another id
     */
    public record Report(
            int acknowledged,
            int consumedDistinct,
            int consumedTotal,
            int lost,
            List<Long> lostSample,
            int duplicateWrites,
            int redeliveries,
            int partitionOrderViolations,
            int keyOrderViolations,
            int misplaced) {

        /**
         * Whether nothing acknowledged was lost, nothing was written twice, no order was broken
         * and no acknowledged offset holds another record. Redeliveries are allowed (at-least-once).
         *
         * @return {@code true} if the history is clean
         */
        public boolean isClean() {
            return lost == 0
                    && duplicateWrites == 0
                    && partitionOrderViolations == 0
                    && keyOrderViolations == 0
                    && misplaced == 0;
        }

        /**
         * One line with every figure, for logs and failure messages.
         *
         * @return e.g. {@code acknowledged=1000 consumed=1000 (1003 deliveries) lost=0 ...}
         */
        @Override
        public String toString() {
            return "acknowledged=" + acknowledged + " consumed=" + consumedDistinct + " (" + consumedTotal
                    + " deliveries) lost=" + lost + (lost > 0 ? " e.g. " + lostSample : "") + " duplicateWrites="
                    + duplicateWrites + " redeliveries=" + redeliveries + " partitionOrderViolations="
                    + partitionOrderViolations + " keyOrderViolations=" + keyOrderViolations + " misplaced="
                    + misplaced;
        }
    }
}
