package dev.kafkasdk.consumer.internal;

import io.github.resilience4j.retry.Retry;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * Attempt counting and backoff deadlines for failing records or batches, without sleeping.
 *
 * <p>A failure is keyed by the offsets of the first record of each partition involved (one for a
 * record, one per partition for a batch). When the same offsets fail again the Resilience4j
 * {@link Retry.AsyncContext} of the first failure continues, so its attempt count and exponential
 * interval apply; the tracker turns the interval into a deadline, and the poll loop keeps the
 * partitions paused until then.
 *
 * <p>Not thread-safe: used by the poll thread only.
 */
public final class RetryTracker {

    /**
     * The answer to a failure.
     *
     * @param exhausted whether to give up now
     * @param delayMillis the backoff before the next attempt, or -1 when exhausted
     * @param attempt how many attempts failed so far, this one included
     */
    public record Decision(boolean exhausted, long delayMillis, int attempt) {}

    private static final class Attempt {
        final long offset;
        final Retry.AsyncContext<Object> context;
        final int[] attempts;
        long dueNanos;

        Attempt(long offset, Retry.AsyncContext<Object> context, int[] attempts) {
            this.offset = offset;
            this.context = context;
            this.attempts = attempts;
        }
    }

    private final Retry retry;
    private final Map<TopicPartition, Attempt> attempts = new HashMap<>();
    private final Map<TopicPartition, Long> resolvedThrough = new HashMap<>();
    private final Map<TopicPartition, Long> notDue = new HashMap<>();

    /**
     * Creates a tracker.
     *
     * @param retry the retry whose configuration gives attempts, intervals and retriable exceptions
     */
    public RetryTracker(Retry retry) {
        this.retry = retry;
    }

    /**
     * Records a failure of the unit starting at {@code heads} and decides what happens next.
     *
     * @param heads for each partition in the failed unit, the offset of its first record
     * @param error the failure
     * @param nowNanos the current {@link System#nanoTime()}
     * @return exhausted (give up now) or the backoff before the next attempt
     */
    public Decision failed(Map<TopicPartition, Long> heads, Throwable error, long nowNanos) {
        Attempt previous = null;
        for (Map.Entry<TopicPartition, Long> head : heads.entrySet()) {
            Attempt attempt = attempts.get(head.getKey());
            if (attempt != null && attempt.offset == head.getValue()) {
                previous = attempt;
                break;
            }
        }
        Retry.AsyncContext<Object> context = previous != null ? previous.context : retry.asyncContext();
        int[] count = previous != null ? previous.attempts : new int[1];
        count[0]++;
        long delay = context.onError(error);
        for (TopicPartition partition : heads.keySet()) {
            attempts.remove(partition);
        }
        if (delay < 0) {
            return new Decision(true, -1, count[0]);
        }
        long due = nowNanos + TimeUnit.MILLISECONDS.toNanos(delay);
        for (Map.Entry<TopicPartition, Long> head : heads.entrySet()) {
            Attempt attempt = new Attempt(head.getValue(), context, count);
            attempt.dueNanos = due;
            attempts.put(head.getKey(), attempt);
        }
        return new Decision(false, delay, count[0]);
    }

    /**
     * Whether a partition waits for its backoff.
     *
     * @param partition the partition
     * @param nowNanos the current time
     * @return {@code true} while the partition's deadline is in the future
     */
    public boolean isWaiting(TopicPartition partition, long nowNanos) {
        Attempt attempt = attempts.get(partition);
        if (attempt != null && attempt.dueNanos - nowNanos > 0) {
            return true;
        }
        Long due = notDue.get(partition);
        if (due == null) {
            return false;
        }
        if (due - nowNanos > 0) {
            return true;
        }
        notDue.remove(partition);
        return false;
    }

    /**
     * Makes a partition wait until a retry tier's record is due (no attempt is counted).
     *
     * @param partition the tier partition
     * @param dueNanos when its head record is due, in {@link System#nanoTime()} terms
     */
    public void waitUntil(TopicPartition partition, long dueNanos) {
        notDue.put(partition, dueNanos);
    }

    /**
     * The partitions whose backoff is still running.
     *
     * @param nowNanos the current time
     * @return a new set
     */
    public Set<TopicPartition> waiting(long nowNanos) {
        Set<TopicPartition> result = new HashSet<>();
        attempts.forEach((partition, attempt) -> {
            if (attempt.dueNanos - nowNanos > 0) {
                result.add(partition);
            }
        });
        notDue.forEach((partition, due) -> {
            if (due - nowNanos > 0) {
                result.add(partition);
            }
        });
        return result;
    }

    /**
     * Nanoseconds until the earliest running backoff ends.
     *
     * @param nowNanos the current time
     * @return the wait, or {@link Long#MAX_VALUE} if nothing waits
     */
    public long nanosUntilNextDue(long nowNanos) {
        long best = Long.MAX_VALUE;
        for (Attempt attempt : attempts.values()) {
            long remaining = attempt.dueNanos - nowNanos;
            if (remaining > 0 && remaining < best) {
                best = remaining;
            }
        }
        for (long due : notDue.values()) {
            long remaining = due - nowNanos;
            if (remaining > 0 && remaining < best) {
                best = remaining;
            }
        }
        return best;
    }

    /**
     * Whether any failure is being tracked. A cheap check for the per-record path.
     *
     * @return {@code true} if some attempt or resolution is tracked
     */
    public boolean isEmpty() {
        return attempts.isEmpty() && resolvedThrough.isEmpty();
    }

    /**
     * Records success of the record at {@code offset}: any attempt at or before it ends.
     *
     * @param partition the partition
     * @param offset the successful record's offset
     */
    public void succeeded(TopicPartition partition, long offset) {
        Attempt attempt = attempts.get(partition);
        if (attempt != null && offset >= attempt.offset) {
            attempts.remove(partition);
            attempt.context.onComplete();
        }
        Long resolved = resolvedThrough.get(partition);
        if (resolved != null && offset > resolved) {
            resolvedThrough.remove(partition);
        }
    }

    /**
     * Marks records up to {@code offset} as given up on and already handled (dead-lettered or
     * skipped), so they are completed without the handler when they are read again after a rollback.
     *
     * @param partition the partition
     * @param offset the last resolved offset, inclusive
     */
    public void markResolved(TopicPartition partition, long offset) {
        resolvedThrough.merge(partition, offset, Math::max);
    }

    /**
     * Whether a record was resolved by {@link #markResolved}.
     *
     * @param partition the partition
     * @param offset the record's offset
     * @return {@code true} if it needs no further processing
     */
    public boolean isResolved(TopicPartition partition, long offset) {
        Long resolved = resolvedThrough.get(partition);
        return resolved != null && offset <= resolved;
    }

    /**
     * Forgets partitions that were revoked, lost or moved by a seek.
     *
     * @param partitions the partitions
     */
    public void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            attempts.remove(partition);
            resolvedThrough.remove(partition);
            notDue.remove(partition);
        }
    }
}
