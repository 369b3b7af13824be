package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.LivenessOptions;
import dev.kafkasdk.core.internal.Plurals;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-time half of the liveness advisor: keeps poll-to-poll time inside a share of
 * {@code max.poll.interval.ms} by time-boxing record rounds and, when adaptive, shrinking the number
 * of records per round. Poll thread only (the limit is read by other threads for reports).
 */
final class PollBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PollBudget.class);
    private static final int RECOMPUTE_EVERY = 8;
    private static final long FAST_RECORD_NANOS = 50_000;

    private final boolean enabled;
    private final boolean adaptive;
    private final long budgetNanos;
    private final long maxPollIntervalNanos;
    private final int maxPollRecords;
    private final long warnIntervalNanos;
    private final ProcessingStats stats;
    private final ConsumerMetrics metrics;
    private volatile int limit;
    private int stride = 1;
    private int rounds;
    private long lastWarnNanos;
    private boolean warnedOnce;

    PollBudget(
            Duration maxPollInterval,
            int maxPollRecords,
            LivenessOptions options,
            ProcessingStats stats,
            ConsumerMetrics metrics) {
        this.enabled = options.enabled();
        this.adaptive = options.adaptiveBatch();
        this.maxPollIntervalNanos = maxPollInterval.toNanos();
        this.budgetNanos = (long) (maxPollInterval.toNanos() * options.budgetFraction());
        this.maxPollRecords = maxPollRecords;
        this.warnIntervalNanos = options.warnInterval().toNanos();
        this.stats = stats;
        this.metrics = metrics;
        this.limit = maxPollRecords;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * How many records the next round may process.
     *
     * @return between 1 and {@code max.poll.records}
     */
    int recordLimit() {
        return limit;
    }

    /**
     * Whether a record round should stop now to stay inside the budget.
     *
     * @param pollReturnedNanos when the last poll returned
     * @param nowNanos the current time
     * @return {@code true} once the round has used its budget
     */
    boolean exhausted(long pollReturnedNanos, long nowNanos) {
        return enabled && nowNanos - pollReturnedNanos > budgetNanos;
    }

    /**
     * Whether a record round should stop before its next record. Reads the clock every record while
     * records are slow (or not measured yet), every 64 records once they are fast.
     *
     * @param handled records handled so far in the round
     * @param pollReturnedNanos when the last poll returned
     * @return {@code true} once the round has used its budget
     */
    boolean roundOver(int handled, long pollReturnedNanos) {
        if (!enabled || !adaptive || handled == 0 || handled % stride != 0) {
            return false;
        }
        return System.nanoTime() - pollReturnedNanos > budgetNanos;
    }

    /**
     * Accounts for a finished round.
     *
     * @param records the records the round handed to the handler
     * @param handlerNanos time spent in the handler
     * @param sincePollNanos time since the last poll returned, commit included
     */
    void roundFinished(int records, long handlerNanos, long sincePollNanos) {
        if (!enabled || records == 0) {
            return;
        }
        stats.add(records, handlerNanos);
        boolean over = sincePollNanos > budgetNanos;
        if (over) {
            metrics.pollBudgetWarning();
            long now = System.nanoTime();
            if (!warnedOnce || now - lastWarnNanos >= warnIntervalNanos) {
                warnedOnce = true;
                lastWarnNanos = now;
                LOG.warn(
                        "Poll budget at risk: {} ms between polls for {} (budget {} ms, max.poll.interval.ms {}); {}",
                        sincePollNanos / 1_000_000,
                        Plurals.count(records, "record"),
                        budgetNanos / 1_000_000,
                        maxPollIntervalNanos / 1_000_000,
                        adaptive
                                ? "shrinking the records per round"
                                : "enable adaptive batches or lower max.poll.records");
            }
        }
        if (over || ++rounds % RECOMPUTE_EVERY == 0) {
            recompute();
        }
    }

    private void recompute() {
        Optional<Duration> p99 = stats.percentile(0.99);
        if (p99.isEmpty()) {
            return;
        }
        long perRecord = Math.max(1, p99.get().toNanos());
        stride = perRecord >= FAST_RECORD_NANOS ? 1 : 64;
        int next = (int) Math.max(1, Math.min(maxPollRecords, budgetNanos / perRecord));
        if (adaptive && next != limit) {
            LOG.info(
                    "Records per round {} -> {} (p99 {} µs per record, budget {} ms)",
                    limit,
                    next,
                    perRecord / 1000,
                    budgetNanos / 1_000_000);
            limit = next;
        }
    }
}
