package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work towards a target, prints a progress line at every quarter, and lets the example's
 * main thread wait for the target while watching the consumers doing the work. Thread-safe:
 * consumer handlers call {@link #add(long)} from their poll threads.
 */
public final class Progress {

    private final String label;
    private final long target;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong printedQuarter = new AtomicLong();
    private final CompletableFuture<Long> reached = new CompletableFuture<>();

    /**
     * @param label  what is counted, e.g. {@code rows stored}
     * @param target the count to reach, at least 1
     */
    public Progress(String label, long target) {
        this.label = label;
        this.target = target;
    }

    /**
     * Adds to the count; prints a line when a quarter of the target is passed.
     *
     * @param n how much was done
     * @return the new count
     */
    public long add(long n) {
        long now = count.addAndGet(n);
        long quarter = Math.min(4, now * 4 / target);
        long before = printedQuarter.getAndAccumulate(quarter, Math::max);
        if (quarter > before) {
            Console.line("      %s: %d/%d", label, now, target);
        }
        if (now >= target) {
            reached.complete(now);
        }
        return now;
    }

    /** @return the count so far */
    public long count() {
        return count.get();
    }

    /**
     * Waits until the target is reached. Fails fast, with the consumer's own failure as the cause,
     * if one of the watched consumers fails or stops first.
     *
     * @param timeout  the longest wait
     * @param watched  the consumers doing the work
     * @throws IllegalStateException on timeout or when a consumer failed or stopped; names the count
     * @throws InterruptedException  if interrupted
     */
    public void await(Duration timeout, SdkConsumer<?, ?>... watched) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                reached.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException notYet) {
                for (SdkConsumer<?, ?> consumer : watched) {
                    ConsumerState state = consumer.state();
                    if (state.isTerminal()) {
                        throw new IllegalStateException(
                                label + ": consumer " + consumer.clientId() + " is " + state + " after " + count()
                                        + " of " + target,
                                consumer.failureCause().orElse(null));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            label + ": only " + count() + " of " + target + " after " + Console.format(timeout));
                }
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible.getCause());
            }
        }
    }
}
