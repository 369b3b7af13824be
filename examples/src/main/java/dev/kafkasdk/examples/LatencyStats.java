package dev.kafkasdk.examples;

import java.util.Arrays;

/**
 * Collects latencies (nanoseconds) and reports percentiles. Thread-safe.
 */
public final class LatencyStats {

    private long[] values = new long[1024];
    private int size;

    /**
     * Adds one latency.
     *
     * @param nanos the latency in nanoseconds
     */
    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /**
     * A percentile of what was added so far.
     *
     * @param percent from 0 to 100
     * @return the latency in nanoseconds, 0 when nothing was added
     */
    public synchronized long percentile(double percent) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))];
    }
}
