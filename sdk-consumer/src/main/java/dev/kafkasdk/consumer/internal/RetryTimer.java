package dev.kafkasdk.consumer.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that brings failed records of the concurrent modes back after their
 * backoff, created on the first retry. Not thread-safe: guarded by the {@link ConcurrentWork} lock.
 */
final class RetryTimer {

    private ScheduledExecutorService timer;

    /** Runs {@code task} on the timer thread after {@code delayMillis}. */
    void schedule(Runnable task, long delayMillis) {
        if (timer == null) {
            ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "kafkasdk-retry-timer");
                thread.setDaemon(true);
                return thread;
            });
            created.setRemoveOnCancelPolicy(true);
            timer = created;
        }
        timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Drops the pending retries and stops the thread, if one was started. */
    void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
