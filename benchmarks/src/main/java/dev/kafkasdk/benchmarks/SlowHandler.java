package dev.kafkasdk.benchmarks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The handler of the slow-handler benchmark: every record waits {@link #IO_WAIT} (or the wait the run
 * asks for) as if it called a remote service, and the run is timed from the first record handed to a handler to the last
 * distinct record handled. The wait parks the thread, so it costs no CPU, which is what makes a
 * concurrent consumer worth having.
 *
 * <p>One instance serves one run. Threading: {@link #handle} may be called from any number of
 * threads at once; a record delivered twice counts once.
 */
final class SlowHandler {

    /** The simulated I/O wait per record unless a run asks for another. */
    static final Duration IO_WAIT = Duration.ofMillis(2);

    private final long expected;
    private final long waitNanos;
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    /** Sized for the run up front, so that no handler thread pays for growing it mid-run. */
    private final Set<Long> handled;

    private final CountDownLatch done = new CountDownLatch(1);

    /**
     * Starts a run.
     *
     * @param expected how many distinct records make the run complete
     */
    SlowHandler(long expected) {
        this(expected, true);
    }

    /**
     * Starts a run.
     *
     * @param expected how many distinct records make the run complete
     * @param io whether each record waits {@link #IO_WAIT}; without it the handler only counts
     */
    SlowHandler(long expected, boolean io) {
        this(expected, io ? IO_WAIT : Duration.ZERO);
    }

    /**
     * Starts a run.
     *
     * @param expected how many distinct records make the run complete
     * @param wait the simulated I/O wait per record; zero: the handler only counts
     */
    SlowHandler(long expected, Duration wait) {
        this.expected = expected;
        this.waitNanos = wait.toNanos();
        this.handled = ConcurrentHashMap.newKeySet((int) Math.min(Integer.MAX_VALUE / 2, expected * 2));
    }

    /**
     * Handles one record: waits the run's simulated I/O time, then counts it.
     *
     * @param record the record; only its partition and offset are read
     */
    void handle(ConsumerRecord<?, ?> record) {
        first.compareAndSet(0, System.nanoTime());
        if (waitNanos > 0) {
            park(waitNanos);
        }
        if (handled.add(((long) record.partition() << 48) | record.offset()) && handled.size() == expected) {
            last.set(System.nanoTime());
            done.countDown();
        }
    }

    /**
     * Waits until every expected record has been handled.
     *
     * @param timeout how long to wait
     * @return true when all were handled in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Distinct records handled so far.
     *
     * @return the count
     */
    long handled() {
        return handled.size();
    }

    /**
     * Nanoseconds from the first record's start to the last record's end.
     *
     * @return the elapsed time of a complete run
     * @throws IllegalStateException if the run is not complete
     */
    long nanos() {
        if (done.getCount() > 0) {
            throw new IllegalStateException("handled " + handled() + " of " + expected + " records");
        }
        return last.get() - first.get();
    }

    /** Parks the calling thread for {@code nanos}, even across spurious wake-ups. */
    private static void park(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
