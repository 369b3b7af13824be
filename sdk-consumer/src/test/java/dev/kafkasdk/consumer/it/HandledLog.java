package dev.kafkasdk.consumer.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The key-mode correctness checker: every handled record is logged with its member, partition,
 * offset, key and start and end times; {@link #check} reports per-key order violations (a record that
 * started before its key's predecessor ended, within one member's ownership), lost records and
 * duplicates.
 */
final class HandledLog {

    record Entry(String member, int partition, long offset, String key, String value, long startNanos, long endNanos) {}

    record Result(int handled, int distinct, int lost, int duplicates, List<String> orderViolations) {}

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /** Handles a record: logs its start, runs the work, logs its end. */
    void handle(String member, ConsumerRecord<String, String> record, Runnable work) {
        long start = System.nanoTime();
        work.run();
        entries.add(new Entry(
                member, record.partition(), record.offset(), record.key(), record.value(), start, System.nanoTime()));
    }

    int size() {
        return entries.size();
    }

    Set<String> values() {
        Set<String> values = new HashSet<>();
        entries.forEach(e -> values.add(e.value()));
        return values;
    }

    List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /**
     * Checks the log against the values produced.
     *
     * @param expected every produced value
     * @return what was found
     */
    Result check(Set<String> expected) {
        List<Entry> all = new ArrayList<>(entries);
        Map<String, List<Entry>> byMemberAndKey = new HashMap<>();
        for (Entry e : all) {
            if (e.key() != null) {
                byMemberAndKey
                        .computeIfAbsent(e.member() + "/" + e.partition() + "/" + e.key(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> group : byMemberAndKey.entrySet()) {
            List<Entry> list = group.getValue();
            list.sort(Comparator.comparingLong(Entry::startNanos));
            for (int i = 1; i < list.size(); i++) {
                Entry previous = list.get(i - 1);
                Entry current = list.get(i);
                if (current.startNanos() < previous.endNanos()) {
                    violations.add(group.getKey() + ": offset " + current.offset() + " started before "
                            + previous.offset() + " ended");
                } else if (current.offset() < previous.offset()
                        && current.offset() != previous.offset()
                        && !redelivered(list, i)) {
                    violations.add(group.getKey() + ": offset " + current.offset() + " ran after " + previous.offset());
                }
            }
        }
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Entry e : all) {
            if (!seen.add(e.value())) {
                duplicates++;
            }
        }
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(seen);
        return new Result(all.size(), seen.size(), lost.size(), duplicates, violations);
    }

    /** A lower offset after a higher one is fine when the higher one is handled again later (a rewind). */
    private static boolean redelivered(List<Entry> list, int index) {
        long offset = list.get(index).offset();
        for (int i = 0; i < index; i++) {
            if (list.get(i).offset() == offset) {
                return true;
            }
        }
        return false;
    }
}
