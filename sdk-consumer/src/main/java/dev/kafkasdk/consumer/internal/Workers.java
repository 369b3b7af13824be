package dev.kafkasdk.consumer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker side of {@link ConcurrentWork}: at most {@code concurrency} tasks on the executor, each
 * claiming a batch of ready records, running them, booking their outcomes under one lock and claiming
 * the next batch itself until nothing is ready. A fast handler thus costs one lock and one hand-off
 * per batch, not per record; a slow one gets one record per claim (see {@link #claim}).
 *
 * <p>Threading: the {@code lock} (the engine) guards every field except {@link #draining},
 * {@link #done} and {@link #combining}; methods that say "holds the lock" expect the caller to hold
 * it.
 */
final class Workers<K, V> {

    /** What the workers need from the engine. */
    interface Engine {
        /** Books one record's outcome ({@code null}: not run, it stays incomplete). Holds the lock. */
        void book(PartitionWork.Item item, RecordRunner.Outcome outcome);

        /** After a batch was booked (wakes whoever waits for records to end). Holds the lock. */
        void booked();

        /** Whether records may still be claimed (not closing, not failed). */
        boolean accepting();

        /** Whether a failure stops the consumer: claimed records are then not run. */
        boolean failed();

        /** Stops the consumer with {@code failure}. Takes the lock. */
        void fail(Throwable failure);
    }

    /** The most records a worker claims at once. */
    private static final int MAX_BATCH = 16;
    /** Records that run shorter than this on average are claimed in batches. */
    private static final long BATCH_BELOW_NANOS = 50_000;

    private final Object lock;
    private final ReadyQueue queue;
    private final int concurrency;
    private final Executor executor;
    private final RecordRunner<K, V> runner;
    private final Engine engine;
    /** Tasks running, at most {@code concurrency}. */
    private int running;
    /** Records claimed and not booked yet. */
    private int claimed;
    /** A moving average of the time a record takes in a worker; unknown until the first batch ends. */
    private long averageNanos = Long.MAX_VALUE;
    /** A revocation or close waits: workers book each record as soon as it ends. */
    private volatile boolean draining;
    /** Tasks whose records ended, waiting for a {@link #combine} to book them. */
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    /** Set while one task books for all ({@link #combine}). */
    private final AtomicBoolean combining = new AtomicBoolean();

    Workers(
            Object lock,
            ReadyQueue queue,
            int concurrency,
            Executor executor,
            RecordRunner<K, V> runner,
            Engine engine) {
        this.lock = lock;
        this.queue = queue;
        this.concurrency = concurrency;
        this.executor = executor;
        this.runner = runner;
        this.engine = engine;
    }

    /** Records claimed by workers and not booked yet. Holds the lock. */
    int claimed() {
        return claimed;
    }

    /** While set, workers book every record as soon as it ends instead of once per batch. */
    void draining(boolean on) {
        draining = on;
    }

    /**
     * Claims batches for new tasks while fewer than {@code concurrency} run and records are ready.
     * Holds the lock; the caller passes the result to {@link #dispatch} after releasing it.
     *
     * @return the new tasks' batches, possibly none
     */
    List<List<PartitionWork.Item>> start() {
        if (!engine.accepting() || queue.isEmpty() || running >= concurrency) {
            return List.of();
        }
        List<List<PartitionWork.Item>> batches = new ArrayList<>();
        while (running < concurrency && !queue.isEmpty()) {
            batches.add(claim());
            running++;
        }
        return batches;
    }

    /**
     * Hands batches to the executor (without the lock). A rejected task stops the consumer.
     *
     * @param batches from {@link #start}
     */
    void dispatch(List<List<PartitionWork.Item>> batches) {
        for (List<PartitionWork.Item> batch : batches) {
            try {
                executor.execute(() -> work(batch));
            } catch (RejectedExecutionException e) {
                engine.fail(new IllegalStateException(
                        "The worker executor rejected a record; it was shut down or is full", e));
                finish(batch, new RecordRunner.Outcome[batch.size()], -1, true);
            }
        }
    }

    /**
     * Claims a task's next batch. While records take less than {@value #BATCH_BELOW_NANOS} ns on
     * average, a fair share of the ready records (at most {@value #MAX_BATCH}); otherwise, and until
     * the first records were timed, one record, so that a slow record never holds others back and each
     * completion is booked at once. Holds the lock.
     */
    private List<PartitionWork.Item> claim() {
        int share = averageNanos < BATCH_BELOW_NANOS ? Math.max(1, Math.min(MAX_BATCH, queue.size() / concurrency)) : 1;
        List<PartitionWork.Item> batch = queue.claim(share);
        for (PartitionWork.Item item : batch) {
            item.owner.running++;
        }
        claimed += batch.size();
        return batch;
    }

    /**
     * A task: runs its batch, books it and claims the next one, until nothing is ready. A record of a
     * partition revoked meanwhile (or any after a fatal failure) is not run; it stays incomplete.
     */
    private void work(List<PartitionWork.Item> first) {
        List<PartitionWork.Item> batch = first;
        while (batch != null) {
            RecordRunner.Outcome[] outcomes = new RecordRunner.Outcome[batch.size()];
            int booked = 0;
            long start = System.nanoTime();
            for (int i = 0; i < outcomes.length; i++) {
                PartitionWork.Item item = batch.get(i);
                if (!item.owner.revoked && !engine.failed()) {
                    outcomes[i] = run(item);
                }
                if (draining && i + 1 < outcomes.length) {
                    finish(batch.subList(booked, i + 1), Arrays.copyOfRange(outcomes, booked, i + 1), -1, false);
                    booked = i + 1;
                }
            }
            long perRecord = booked == 0 ? (System.nanoTime() - start) / outcomes.length : -1;
            batch = finish(
                    batch.subList(booked, batch.size()),
                    Arrays.copyOfRange(outcomes, booked, outcomes.length),
                    perRecord,
                    true);
        }
    }

    private RecordRunner.Outcome run(PartitionWork.Item item) {
        try {
            return runner.run(item);
        } catch (Throwable e) {
            engine.fail(e);
            return RecordRunner.Outcome.STOPPED;
        }
    }

    /**
     * Books a task's records and, unless negative, the time each took on average; at the end of a
     * batch, claims the task's next batch or ends the task when nothing is ready (a task the executor
     * rejected ends too: the failure is fatal by then). Starts more tasks if records are ready.
     *
     * <p>The booking is combined: the task leaves its outcomes in {@link #done} and one task at a time
     * (the one that sets {@link #combining}) takes the lock and books every waiting task's outcomes,
     * claims their next batches and wakes them. So the tasks do not queue one by one for the lock, and
     * a lock holder that the OS preempts (64 threads on 2 cores) holds up one booking round, not a
     * convoy of tasks each waiting for the lock to be handed to it.
     *
     * @return the task's next batch, or {@code null}
     */
    private List<PartitionWork.Item> finish(
            List<PartitionWork.Item> items, RecordRunner.Outcome[] outcomes, long perRecordNanos, boolean endOfBatch) {
        Done mine = new Done(items, outcomes, perRecordNanos, endOfBatch, Thread.currentThread());
        done.add(mine);
        boolean interrupted = Thread.interrupted();
        while (!mine.booked) {
            if (!combining.get() && combining.compareAndSet(false, true)) {
                combine();
            } else if (!mine.booked) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.next;
    }

    /**
     * Books every waiting task's outcomes under the lock (the caller set {@link #combining}), then
     * clears the flag, wakes the tasks it served and starts new tasks. A task that arrived after the
     * lock was released is woken to combine for itself.
     */
    private void combine() {
        List<Done> served = new ArrayList<>();
        List<List<PartitionWork.Item>> more;
        try {
            synchronized (lock) {
                for (Done task = done.poll(); task != null; task = done.poll()) {
                    book(task);
                    served.add(task);
                }
                engine.booked();
                more = start();
            }
        } finally {
            combining.set(false);
        }
        Thread self = Thread.currentThread();
        for (Done task : served) {
            task.booked = true;
            if (task.thread != self) {
                LockSupport.unpark(task.thread);
            }
        }
        Done waiting = done.peek();
        if (waiting != null) {
            LockSupport.unpark(waiting.thread);
        }
        dispatch(more);
    }

    /** Books one task's outcomes and claims its next batch. Holds the lock. */
    private void book(Done task) {
        for (int i = 0; i < task.items.size(); i++) {
            claimed--;
            engine.book(task.items.get(i), task.outcomes[i]);
        }
        if (task.perRecordNanos >= 0) {
            averageNanos = averageNanos == Long.MAX_VALUE
                    ? task.perRecordNanos
                    : averageNanos + (task.perRecordNanos - averageNanos) / 8;
        }
        if (task.endOfBatch) {
            if (engine.accepting() && !queue.isEmpty()) {
                task.next = claim();
            } else {
                running--;
            }
        }
    }

    /** A task's records waiting to be booked, and the next batch the booking claimed for it. */
    private static final class Done {
        final List<PartitionWork.Item> items;
        final RecordRunner.Outcome[] outcomes;
        final long perRecordNanos;
        final boolean endOfBatch;
        final Thread thread;
        /** Written before {@link #booked} is set, read after. */
        List<PartitionWork.Item> next;

        volatile boolean booked;

        Done(
                List<PartitionWork.Item> items,
                RecordRunner.Outcome[] outcomes,
                long perRecordNanos,
                boolean endOfBatch,
                Thread thread) {
            this.items = items;
            this.outcomes = outcomes;
            this.perRecordNanos = perRecordNanos;
            this.endOfBatch = endOfBatch;
            this.thread = thread;
        }
    }
}
