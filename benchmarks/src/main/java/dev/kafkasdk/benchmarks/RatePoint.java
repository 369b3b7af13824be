package dev.kafkasdk.benchmarks;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Runs one point of the fixed-rate (open-model) benchmark: a warm-up, then a measured window, at a
 * fixed schedule of intended send times ({@code start + i / rate}).
 *
 * <p>The sender never sends a record before its intended time; it parks until the next one is due
 * (no spinning, which would bill the benchmark's own CPU to the client) and on waking sends every
 * record whose time has come. Latency is measured from the intended time, so a {@code send()} that
 * blocks delays every record queued behind it and that delay is counted (no coordinated omission). A
 * sender that falls behind keeps sending, up to half a window (at least two seconds) past the
 * schedule's end; the achieved rate is the measured records over the time their sends actually took.
 *
 * <p>Client CPU and allocation cover the measured window until the last measured acknowledgement:
 * process CPU and the allocation of every Java thread, less the measuring consumer's thread.
 */
final class RatePoint {

    private static final long ACK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private RatePoint() {}

    /**
     * Runs the point.
     *
     * @param sender the client, open; the caller closes it
     * @param consumer the measuring consumer, not started yet; the caller closes it
     * @param topic the point's fresh topic
     * @param payload a value of the point's size (at least 8 bytes), copied into each record
     * @param rate records per second
     * @param warmup the unmeasured lead-in
     * @param window the measured window
     * @return the producer side's figures; the consumer holds the end-to-end ones
     */
    static Sent run(
            RateSender sender,
            EndToEndConsumer consumer,
            String topic,
            byte[] payload,
            int rate,
            Duration warmup,
            Duration window)
            throws InterruptedException {
        double period = 1e9 / rate;
        long warmupRecords = Math.round(warmup.toNanos() / period);
        long windowRecords = Math.max(1, Math.round(window.toNanos() / period));
        long total = warmupRecords + windowRecords;
        Histogram publish = new ConcurrentHistogram(3);
        AtomicLong acked = new AtomicLong();
        AtomicLong measuredAcked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long windowStart = start + Math.round(warmupRecords * period);
        consumer.start(windowStart);
        RateSender.Acked onAck = (intended, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            } else if (intended >= windowStart) {
                publish.recordValue(Math.max(0, (System.nanoTime() - intended) / 1_000));
                measuredAcked.incrementAndGet();
            }
            acked.incrementAndGet();
        };
        long deadline =
                start + Math.round(total * period) + Math.max(TimeUnit.SECONDS.toNanos(2), window.toNanos() / 2);
        long cpuStart = 0;
        long consumerCpuStart = 0;
        long consumerAllocStart = 0;
        MemoryProbe memory = null;
        long sent = 0;
        long lastSendDone = windowStart;
        for (long i = 0; i < total; i++) {
            long intended = start + Math.round(i * period);
            long now = System.nanoTime();
            while (now < intended) {
                LockSupport.parkNanos(intended - now);
                now = System.nanoTime();
            }
            if (now > deadline) {
                break;
            }
            if (i == warmupRecords) {
                cpuStart = ClientCpu.nanos();
                consumerCpuStart = consumer.cpuNanos();
                consumerAllocStart = consumer.allocatedBytes();
                memory = MemoryProbe.start();
            }
            byte[] value = payload.clone();
            ByteBuffer.wrap(value).putLong(0, intended);
            sender.send(topic, value, intended, onAck);
            sent++;
            if (i >= warmupRecords) {
                lastSendDone = System.nanoTime();
            }
        }
        long measuredSent = Math.max(0, sent - warmupRecords);
        long waitUntil = System.nanoTime() + ACK_WAIT_NANOS;
        while (acked.get() < sent && System.nanoTime() < waitUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (memory == null) { // never reached the window: nothing measured
            return new Sent(0, 0, RateResult.Percentiles.NONE, Double.NaN, Double.NaN, Math.max(1, sent - acked.get()));
        }
        long cpu = ClientCpu.nanos() - cpuStart - (consumer.cpuNanos() - consumerCpuStart);
        long allocated = memory.allocatedBytes() - (consumer.allocatedBytes() - consumerAllocStart);
        long consumedBy = System.nanoTime() + ACK_WAIT_NANOS;
        while (consumer.measured() < measuredAcked.get() && System.nanoTime() < consumedBy) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        double elapsed = Math.max(window.toNanos(), lastSendDone - windowStart + period);
        long missing = measuredSent - consumer.measured() + failed.get();
        return new Sent(
                measuredSent / (elapsed / 1e9),
                measuredSent,
                percentiles(publish),
                measuredSent == 0 ? Double.NaN : cpu / 1e3 / measuredSent,
                measuredSent == 0 ? Double.NaN : (double) allocated / measuredSent,
                Math.max(0, missing));
    }

    /**
     * What the producer side measured.
     *
     * @param achievedRate measured records per second of send time
     * @param records measured records sent
     * @param publish publish latency
     * @param cpuMicrosPerRecord client CPU per record, the measuring consumer excluded
     * @param allocatedBytesPerRecord allocation per record, the measuring consumer excluded
     * @param missing measured records that failed or were not consumed in time
     */
    record Sent(
            double achievedRate,
            long records,
            RateResult.Percentiles publish,
            double cpuMicrosPerRecord,
            double allocatedBytesPerRecord,
            long missing) {}

    /**
     * Percentiles of a histogram of microseconds, in milliseconds.
     *
     * @param micros the histogram
     * @return the percentiles, {@link RateResult.Percentiles#NONE} when empty
     */
    static RateResult.Percentiles percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return RateResult.Percentiles.NONE;
        }
        return new RateResult.Percentiles(
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getValueAtPercentile(99.9) / 1e3,
                micros.getMaxValue() / 1e3);
    }

    /**
     * The machine's one-minute load average.
     *
     * @return the first field of {@code /proc/loadavg}, {@code NaN} where there is none
     */
    static double load1() {
        try {
            return Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
