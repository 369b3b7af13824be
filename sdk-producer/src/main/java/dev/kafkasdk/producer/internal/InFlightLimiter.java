package dev.kafkasdk.producer.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the records sent but not yet acknowledged. A sender waits up to {@code max.block.ms} for
 * a permit, like kafka-clients waits for {@code buffer.memory}; the permit comes back when the
 * broker answers (or the send fails), on whichever thread reports that.
 */
abstract class InFlightLimiter {

    /** A limiter that never waits: no cap configured. */
    static final InFlightLimiter UNLIMITED = new InFlightLimiter() {
        @Override
        boolean acquire() {
            return true;
        }

        @Override
        void release() {}

        @Override
        int limit() {
            return 0;
        }

        @Override
        int available() {
            return Integer.MAX_VALUE;
        }
    };

    /**
     * A limiter with the given number of permits.
     *
     * @param maxInFlight the cap, 1 or more
     * @param maxBlockMs how long {@link #acquire()} waits for a permit
     * @return the limiter
     */
    static InFlightLimiter of(int maxInFlight, long maxBlockMs) {
        return new Capped(maxInFlight, maxBlockMs);
    }

    /**
     * Takes a permit, waiting up to {@code max.block.ms}.
     *
     * @return true if a permit was taken
     * @throws InterruptedException if interrupted while waiting
     */
    abstract boolean acquire() throws InterruptedException;

    /** Returns a permit taken by {@link #acquire()}. */
    abstract void release();

    /** The cap, or 0 when unlimited. */
    abstract int limit();

    /** Permits free right now. */
    abstract int available();

    private static final class Capped extends InFlightLimiter {
        private final Semaphore permits;
        private final int limit;
        private final long maxBlockMs;

        Capped(int limit, long maxBlockMs) {
            this.permits = new Semaphore(limit);
            this.limit = limit;
            this.maxBlockMs = maxBlockMs;
        }

        @Override
        boolean acquire() throws InterruptedException {
            return permits.tryAcquire() || permits.tryAcquire(maxBlockMs, TimeUnit.MILLISECONDS);
        }

        @Override
        void release() {
            permits.release();
        }

        @Override
        int limit() {
            return limit;
        }

        @Override
        int available() {
            return permits.availablePermits();
        }
    }
}
