package dev.kafkasdk.producer.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor on which send futures complete and send callbacks run, so that no user code runs
 * on kafka-clients' I/O thread ({@code kafka-producer-network-thread}).
 *
 * <p>Either the SDK's own single daemon thread, which keeps the per-partition callback order
 * kafka-clients guarantees, starts with the first completion and is stopped by
 * {@link #shutdown(Duration)}; or the caller's executor, which is never shut down.
 *
 * <p>Completions wait in one intrusive queue (multi-producer, single-consumer, after Vyukov):
 * queueing is one atomic swap of the tail, with no node allocated, and tasks run in the order
 * they were queued. kafka-clients completes a whole batch of records in one burst on its I/O
 * thread, so a hand-off per record (an executor task, a lock, a wake-up) would cost more than
 * the callback itself: the owned thread instead parks only when the queue has stayed empty for
 * a moment, and a queueing thread wakes it only when it has said so.
 *
 * <p>Measured with 1,000,000 BALANCED sends of 100 B against a local broker on 2 cores, against
 * the single-thread {@code ThreadPoolExecutor} this replaced: the I/O thread's extra CPU per
 * record over the raw client fell from up to 0.07 to 0.01-0.04 microseconds, and the SDK/raw
 * throughput of back-to-back run pairs rose from 0.77-0.90 (5 sets of 8-12 pairs, mean 0.83) to
 * 0.81-0.95 (7 sets, mean 0.89).
 */
final class CompletionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionExecutor.class);
    private static final AtomicReferenceFieldUpdater<CompletionExecutor, Task> TAIL =
            AtomicReferenceFieldUpdater.newUpdater(CompletionExecutor.class, Task.class, "tail");
    private static final AtomicReferenceFieldUpdater<Task, Task> NEXT =
            AtomicReferenceFieldUpdater.newUpdater(Task.class, Task.class, "next");
    private static final AtomicIntegerFieldUpdater<CompletionExecutor> STATE =
            AtomicIntegerFieldUpdater.newUpdater(CompletionExecutor.class, "state");

    /**
     * How long the owned thread naps after draining the queue before it parks until woken; see
     * {@link #napUntilMore()}.
     */
    private static final long NAP_NANOS = 20_000;

    /** The owned thread has not been started: nothing was queued yet. */
    static final int UNSTARTED = 0;
    /** The owned thread is draining the queue and will look at it again before parking. */
    private static final int DRAINING = 1;
    /**
     * The owned thread parks (or is about to) until a queueing thread switches the state back to
     * {@link #DRAINING} and unparks it.
     */
    private static final int PARKING = 2;
    /**
     * Whoever queues a task drains the queue: always for a caller's executor (which runs the
     * drain, or the queueing thread does when it refuses), and for the owned thread once stopped.
     */
    private static final int SHARED = 3;

    /**
     * A completion that links itself into the executor's queue, so that queueing it allocates
     * nothing. A task is queued at most once.
     */
    abstract static class Task implements Runnable {
        private volatile Task next;
    }

    /** The queue's first, already taken node; read and replaced only by the running drain. */
    private Task head;
    /** The last queued task; swapped by every thread that queues one. */
    private volatile Task tail;

    private volatile int state;

    /** The caller's executor; for the owned thread, one that refuses (used once it stopped). */
    private final Executor executor;

    private final Thread ownedThread;
    private final String description;
    private volatile boolean stopping;
    private volatile boolean rejectionLogged;
    /** In the shared state, whether a drain is running or scheduled; only one runs at a time. */
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private CompletionExecutor(Executor executor, String threadName, String description) {
        this.description = description;
        this.executor = executor != null
                ? executor
                : task -> {
                    throw new RejectedExecutionException("completion thread " + description + " stopped");
                };
        Task stub = new Task() {
            @Override
            public void run() {}
        };
        this.head = stub;
        this.tail = stub;
        if (threadName == null) {
            this.ownedThread = null;
            this.state = SHARED;
        } else {
            this.ownedThread = new Thread(this::runOwnedThread, threadName);
            this.ownedThread.setDaemon(true);
            this.state = UNSTARTED;
        }
    }

    /**
     * The SDK's own completion thread for one producer, started by the first completion.
     *
     * @param threadName the name of the completion thread
     * @return an executor this SDK stops on close
     */
    static CompletionExecutor owned(String threadName) {
        return new CompletionExecutor(null, threadName, threadName);
    }

    /**
     * Wraps the caller's executor; it is never shut down by the SDK.
     *
     * @param executor the caller's executor
     * @return the wrapper
     */
    static CompletionExecutor callerOwned(Executor executor) {
        return new CompletionExecutor(executor, null, executor.toString());
    }

    /**
     * Queues the task and makes sure it runs: the owned thread is woken if it parks (started if it
     * never ran); for a caller's executor one drain of the queue is scheduled on it unless one
     * already is. If the executor refuses the drain (a caller's executor that was shut down, or
     * the owned thread after close), the queue is drained on the current thread instead, so no
     * future is ever left incomplete.
     *
     * @param task the completion task, never queued before
     */
    void execute(Task task) {
        Task previous = TAIL.getAndSet(this, task);
        NEXT.lazySet(previous, task);
        // the swap above is a full fence, so this read cannot miss the owned thread saying PARKING
        // after its last look at the queue (and that look cannot miss the task)
        int current = state;
        if (current != DRAINING) {
            wake(current);
        }
    }

    /**
     * Makes sure a task queued while the state read {@code current} runs. Package-private for the
     * test of a thread that read a stale state.
     *
     * @param current the state the queueing thread read after its swap
     */
    void wake(int current) {
        switch (current) {
            case PARKING -> {
                // one unpark per park: the rest of the burst sees DRAINING and skips the wake-up, a
                // system call that costs the I/O thread more than queueing itself
                if (STATE.compareAndSet(this, PARKING, DRAINING)) {
                    LockSupport.unpark(ownedThread);
                }
            }
            case UNSTARTED -> start();
            case SHARED -> scheduleSharedDrain();
            // DRAINING: another thread has just started the owned thread, which will see the task
            default -> {}
        }
    }

    private void start() {
        if (!STATE.compareAndSet(this, UNSTARTED, DRAINING)) {
            wake(state);
            return;
        }
        try {
            ownedThread.start();
        } catch (Throwable e) {
            LOG.warn("Could not start completion thread {}; completing sends on the reporting thread", description, e);
            stopOwnedThread();
        }
    }

    private void scheduleSharedDrain() {
        // read before CAS: while a drain is scheduled (the common case in a burst) this stays a
        // plain read of a shared cache line instead of a write
        if (drainScheduled.get() || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drainShared);
        } catch (RejectedExecutionException e) {
            if (ownedThread == null && !rejectionLogged) {
                rejectionLogged = true;
                LOG.warn(
                        "Completion executor {} rejected a task; completing sends on the reporting "
                                + "thread instead. Keep the executor running until the producer is closed.",
                        description,
                        e);
            }
            drainShared();
        }
    }

    /**
     * Whether nothing is queued; false also while a task is swapped in but not yet linked, so
     * the drain comes back for it.
     */
    private boolean isEmpty() {
        return head == tail;
    }

    /**
     * Runs queued tasks until the queue is empty, then lets the swapped-in-but-unlinked case
     * finish: a thread preempted between the swap and the link gets the CPU instead of a spin.
     * Drain only.
     *
     * <p>The head moves in a local variable and is written back once: a write per task would
     * pull the cache line that also holds {@code tail} away from the I/O thread every time. It is
     * written back even if the drain ends abruptly, so that no task runs twice.
     */
    private void drainAll() {
        Task last = head;
        try {
            do {
                Task next;
                while ((next = last.next) != null) {
                    last = next;
                    try {
                        next.run();
                    } catch (RuntimeException | Error e) {
                        // an Error too (a callback's StackOverflowError, say): the thread must live on, or
                        // later completions would be left waiting or run on the reporting (I/O) thread
                        LOG.warn("A send completion task failed on {}", description, e);
                    }
                }
                if (last == tail) {
                    break;
                }
                // a task was swapped in but is not linked yet
                Thread.yield();
            } while (true);
        } finally {
            head = last;
        }
    }

    private void drainShared() {
        do {
            try {
                drainAll();
            } finally {
                // also after an abrupt end, so that the next queued task schedules a drain again
                drainScheduled.set(false);
            }
            // a task queued between the last poll and the reset saw the flag still set and did not
            // schedule a drain: take it over here
        } while (!isEmpty() && drainScheduled.compareAndSet(false, true));
    }

    private void runOwnedThread() {
        try {
            while (!stopping) {
                drainAll();
                if (napUntilMore()) {
                    continue;
                }
                state = PARKING;
                // look again after saying PARKING: a task queued before that was not announced
                if (isEmpty() && !stopping) {
                    LockSupport.park(this);
                }
                state = DRAINING;
            }
        } catch (Error e) {
            LOG.error(
                    "Completion thread {} stopped; later completions run on the thread that reports " + "them",
                    description,
                    e);
            throw e;
        } finally {
            stopOwnedThread();
        }
    }

    /**
     * Sleeps for {@link #NAP_NANOS} without saying {@link #PARKING}, so that queueing threads do
     * not wake it, and tells whether tasks arrived meanwhile. kafka-clients completes the records
     * of one produce response back to back on its I/O thread, a fraction of a microsecond apart, and
     * this thread is faster than that: parking whenever it caught up meant 4,600-17,000 unparks per
     * million records (each a system call on the I/O thread) where a BALANCED run had about 300
     * responses. Spinning for the next task instead (5 µs, the design before) kept the thread
     * running for the whole burst, one core's worth of CPU time while the I/O thread completed a
     * response, which made the completion thread the SDK's largest CPU cost per record. A nap lets
     * the rest of the burst gather and then drains it at once: one wake-up per response, a few more
     * for a long one. A record completed during a nap waits for it (20 µs plus the kernel's timer
     * slack, commonly 50 µs), against acknowledgement times of a millisecond and more.
     *
     * @return true if a task was queued during the nap
     */
    private boolean napUntilMore() {
        LockSupport.parkNanos(this, NAP_NANOS);
        return !isEmpty();
    }

    /**
     * Hands the queue over to whoever queues: every task queued before the switch is drained here
     * (a queueing thread that still saw the owned thread's state had swapped its task in before
     * this switch), later ones by their queueing thread.
     */
    private void stopOwnedThread() {
        state = SHARED;
        if (drainScheduled.compareAndSet(false, true)) {
            drainShared();
        }
    }

    /**
     * Whether the current thread is the SDK-owned completion thread, where waiting for another
     * send's completion would deadlock.
     *
     * @return true on the SDK's own completion thread
     */
    boolean isCompletionThread() {
        return Thread.currentThread() == ownedThread;
    }

    /**
     * Waits until every completion queued so far on the SDK's own thread has run, so that after
     * {@code flush()} the futures of earlier sends are complete. Does nothing for a caller's
     * executor (its ordering is unknown) or on the completion thread itself.
     */
    void awaitQueued() {
        if (ownedThread == null || isCompletionThread()) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        execute(new Task() {
            @Override
            public void run() {
                reached.countDown();
            }
        });
        try {
            reached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * Lets queued completions finish and stops the SDK-owned thread; does nothing for a caller's
     * executor. Completions that arrive later run on the thread that reports them.
     *
     * @param timeout how long to wait for queued completions
     * @return false if the owned thread is still running its queue after the timeout
     */
    boolean shutdown(Duration timeout) {
        if (ownedThread == null) {
            return true;
        }
        stopping = true;
        if (STATE.compareAndSet(this, UNSTARTED, SHARED)) {
            stopOwnedThread();
            return true;
        }
        LockSupport.unpark(ownedThread);
        if (isCompletionThread()) {
            return true;
        }
        try {
            ownedThread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownedThread.isAlive()) {
            LOG.warn(
                    "Completion thread {} did not finish its queued callbacks within {}; "
                            + "they still run on that daemon thread.",
                    description,
                    timeout);
            return false;
        }
        return true;
    }
}
