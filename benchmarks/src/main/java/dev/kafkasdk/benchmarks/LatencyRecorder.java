package dev.kafkasdk.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Send-to-acknowledgement latency of one producer run, sampled every {@code n}th record into an
 * HdrHistogram (microsecond values, 3 significant digits).
 *
 * <p>Usage, identical for every producer scenario: {@code long t = latency.start();} just before
 * {@code send}, and {@code latency.record(t)} first thing in the send's callback. {@link #start()}
 * returns 0 for records that are not sampled and {@link #record(long)} ignores 0, so an unsampled
 * record costs one counter increment.
 *
 * <p>Threading: {@link #start()} must be called from the one thread that sends; {@link #record(long)}
 * may be called from any thread (the client's I/O thread, an SDK callback executor).
 */
public final class LatencyRecorder {

    /** Every how many records a latency is sampled by default. */
    public static final int DEFAULT_SAMPLING = 8;

    private final int every;
    private final Histogram histogram = new ConcurrentHistogram(3);
    private long sent;
    private double reportedP50 = Double.NaN;
    private double reportedP99 = Double.NaN;

    /**
     * A recorder that samples every {@link #DEFAULT_SAMPLING}th record.
     */
    public LatencyRecorder() {
        this(DEFAULT_SAMPLING);
    }

    /**
     * A recorder that samples every {@code every}th record.
     *
     * @param every the sampling interval, at least 1 (1 samples every record)
     */
    public LatencyRecorder(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("sampling interval must be at least 1: " + every);
        }
        this.every = every;
    }

    /**
     * Call just before sending a record.
     *
     * @return the send time to pass to {@link #record(long)}, or 0 when this record is not sampled
     */
    public long start() {
        return sent++ % every == 0 ? System.nanoTime() : 0;
    }

    /**
     * Call when the record's acknowledgement (or failure) arrives.
     *
     * @param startNanos what {@link #start()} returned for the record; 0 is ignored
     */
    public void record(long startNanos) {
        if (startNanos != 0) {
            histogram.recordValue(Math.max(0, (System.nanoTime() - startNanos) / 1_000));
        }
    }

    /**
     * Takes percentiles that a tool measured itself (Kafka's {@code ProducerPerformance}) instead of
     * the recorded samples.
     *
     * @param p50Millis the tool's median latency in milliseconds
     * @param p99Millis the tool's 99th percentile in milliseconds
     */
    public void reported(double p50Millis, double p99Millis) {
        this.reportedP50 = p50Millis;
        this.reportedP99 = p99Millis;
    }

    /**
     * The median latency.
     *
     * @return milliseconds, {@code NaN} when nothing was recorded
     */
    public double p50Millis() {
        return percentile(50, reportedP50);
    }

    /**
     * The 99th percentile latency.
     *
     * @return milliseconds, {@code NaN} when nothing was recorded
     */
    public double p99Millis() {
        return percentile(99, reportedP99);
    }

    private double percentile(double p, double reported) {
        if (!Double.isNaN(reported)) {
            return reported;
        }
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e3;
    }
}
