package dev.kafkasdk.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's closing numbers and the checks that tie them together: everything sent was consumed,
 * stored and committed once, the replay read exactly the records after its timestamp, and the group
 * has no lag.
 *
 * @param presets        producer presets used
 * @param expectedSent   records the demo meant to send
 * @param sent           records acknowledged by the broker
 * @param failed         sends that failed
 * @param consumed       records the ledger consumer handled
 * @param storedRows     rows in the database's {@code orders} table
 * @param storedOffsets  sum of the next offsets in the database's {@code kafka_offsets} table
 * @param committed      sum of the group's committed offsets in Kafka
 * @param replayFrom     the replay's start timestamp
 * @param replayed       records the replay read
 * @param replayExpected records sent after {@code replayFrom}
 * @param lag            the group's total lag at the end
 * @param elapsed        the demo's run time, broker start included
 */
public record DemoSummary(
        int presets,
        long expectedSent,
        long sent,
        long failed,
        long consumed,
        long storedRows,
        long storedOffsets,
        long committed,
        Instant replayFrom,
        long replayed,
        long replayExpected,
        long lag,
        Duration elapsed) {

    /** @return every check that failed, empty when all numbers agree */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, failed == 0, failed + " sends failed");
        check(problems, sent == expectedSent, "sent " + sent + " of " + expectedSent);
        check(problems, consumed == sent, "consumed " + consumed + " but sent " + sent);
        check(problems, storedRows == sent, "stored " + storedRows + " rows but sent " + sent);
        check(problems, storedOffsets == sent, "stored offsets add up to " + storedOffsets + ", not " + sent);
        check(problems, committed == sent, "committed offsets add up to " + committed + ", not " + sent);
        check(problems, replayed == replayExpected, "replayed " + replayed + " records, expected " + replayExpected);
        check(problems, lag == 0, "lag is " + lag + ", expected 0");
        return problems;
    }

    /** @return whether every check passed */
    public boolean ok() {
        return problems().isEmpty();
    }

    /** @return the summary table and the verdict */
    public String format() {
        String verdict = ok() ? "OK: every count matches" : "FAILED: " + String.join("; ", problems());
        return String.join(
                String.format("%n"),
                "[demo] summary",
                row("sent", sent, String.format(Locale.ROOT, "%d presets, %d failed", presets, failed)),
                row("consumed", consumed, "by the ledger consumer"),
                row("stored rows", storedRows, "H2 table orders"),
                row("stored offsets", storedOffsets, "H2 table kafka_offsets, same transactions as the rows"),
                row("committed", committed, "Kafka, the ledger group's mirrored offsets"),
                row("replayed", replayed, "of " + replayExpected + " sent at or after " + replayFrom),
                row("lag", lag, "admin lag report"),
                "[demo] " + verdict + " (" + Console.format(elapsed) + ")");
    }

    private static String row(String name, long value, String note) {
        return String.format(Locale.ROOT, "  %-15s %7d   %s", name, value, note);
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
