package dev.kafkasdk.consumer.internal;

import java.time.Duration;

/**
 * Stop requests and the shutdown budget, shared between the caller's thread and the poll thread.
 *
 * <p>A stop request lets the round in flight finish while the drain deadline (half of the close
 * budget) allows; after it the round is abandoned between records. What remains of the budget goes
 * to the final commit and the client's close.
 */
final class ShutdownControl {

    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private volatile boolean stopRequested;
    private volatile boolean abandonNow;
    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private volatile long closeDeadlineNanos = Long.MAX_VALUE;

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Requests a stop.
     *
     * @param abandon abandon the round in flight at once instead of draining it
     */
    void requestStop(boolean abandon) {
        if (abandon) {
            abandonNow = true;
        }
        stopRequested = true;
    }

    /**
     * Sets the budget for draining and closing, from now.
     *
     * @param budget the whole shutdown budget
     */
    void budget(Duration budget) {
        long now = System.nanoTime();
        drainDeadlineNanos = now + budget.toNanos() / 2;
        closeDeadlineNanos = now + budget.toNanos();
    }

    /** Whether the round in flight must stop between records. */
    boolean abandon() {
        return stopRequested && (abandonNow || System.nanoTime() - drainDeadlineNanos > 0);
    }

    long drainDeadlineNanos() {
        return drainDeadlineNanos;
    }

    Duration remainingCloseTime() {
        if (closeDeadlineNanos == Long.MAX_VALUE) {
            return DEFAULT_BUDGET;
        }
        return Duration.ofNanos(Math.max(0, closeDeadlineNanos - System.nanoTime()));
    }
}
