package dev.kafkasdk.consumer.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A ring buffer of recent per-record processing times (one sample per handler round: the round's
 * time divided by its records), with percentiles on demand.
 *
 * <p>Written by the poll thread; {@link #percentile} may be read from any thread (it copies under
 * the lock).
 */
public final class ProcessingStats {

    private final long[] samples;
    private int next;
    private int size;

    /**
     * Creates a buffer.
     *
     * @param capacity how many samples to keep, at least 1
     */
    public ProcessingStats(int capacity) {
        this.samples = new long[capacity];
    }

    /**
     * Adds one round.
     *
     * @param records the round's record count, at least 1
     * @param nanos the round's handler time
     */
    public synchronized void add(int records, long nanos) {
        samples[next] = nanos / Math.max(1, records);
        next = (next + 1) % samples.length;
        if (size < samples.length) {
            size++;
        }
    }

    /**
     * A percentile of the per-record time.
     *
     * @param percentile between 0 and 1, e.g. 0.99
     * @return the value, or empty without samples
     */
    public Optional<Duration> percentile(double percentile) {
        long[] copy;
        synchronized (this) {
            if (size == 0) {
                return Optional.empty();
            }
            copy = Arrays.copyOf(samples, size);
        }
        Arrays.sort(copy);
        int index = (int) Math.ceil(percentile * copy.length) - 1;
        return Optional.of(Duration.ofNanos(copy[Math.max(0, Math.min(copy.length - 1, index))]));
    }

    /**
     * The number of samples held.
     *
     * @return at most the capacity
     */
    public synchronized int size() {
        return size;
    }
}
