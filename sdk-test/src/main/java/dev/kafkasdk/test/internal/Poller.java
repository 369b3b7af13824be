package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes, backing off from 20 ms to 250 ms between
 * attempts. A {@link GiveUp} thrown by the condition, or an interrupt, ends the wait at once (waiting
 * longer cannot help, e.g. a process died); any other exception counts as "not yet" and is attached
 * to the timeout failure. Stateless and thread-safe.
 */
public final class Poller {

    /** Thrown by a condition when waiting longer cannot help. */
    public static final class GiveUp extends KafkaTestKitException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message why the wait ends
         */
        public GiveUp(String message) {
            super(message);
        }
    }

    private static final long FIRST_PAUSE_MS = 20;
    private static final long MAX_PAUSE_MS = 250;

    private Poller() {}

    /**
     * Blocks until {@code condition} returns {@code true}.
     *
     * @param what      description used in the failure message, e.g. "node 1 to serve"
     * @param timeout   how long to wait
     * @param condition the condition; may block briefly
     * @throws KafkaTestKitException if the deadline passes, the condition gives up, or the thread is
     *                               interrupted
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MS;
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (e instanceof GiveUp || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
            }
            long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMs <= 0) {
                String detail = last == null ? "" : " (last error: " + last + ")";
                throw new KafkaTestKitException(
                        "Timed out after " + timeout.toMillis() + " ms waiting for " + what + detail, last);
            }
            pauseFor(Math.min(pause, remainingMs));
            pause = Math.min(pause * 2, MAX_PAUSE_MS);
        }
    }

    private static void pauseFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while waiting", e);
        }
    }
}
