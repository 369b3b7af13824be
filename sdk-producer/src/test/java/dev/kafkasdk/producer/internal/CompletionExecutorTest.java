package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The completion queue under contention: every task queued from any thread runs exactly once,
 * tasks from one thread run in the order that thread queued them, and a refused executor still
 * completes everything.
 */
class CompletionExecutorTest {

    private static final int THREADS = 4;
    private static final int TASKS_PER_THREAD = 50_000;

    /** Records that it ran, and checks that its thread's earlier task ran before it. */
    private static final class Numbered extends CompletionExecutor.Task {
        private final int thread;
        private final int sequence;
        private final AtomicIntegerArray runs;
        private final int[] lastSeen;
        private final AtomicLong outOfOrder;

        Numbered(int thread, int sequence, AtomicIntegerArray runs, int[] lastSeen, AtomicLong outOfOrder) {
            this.thread = thread;
            this.sequence = sequence;
            this.runs = runs;
            this.lastSeen = lastSeen;
            this.outOfOrder = outOfOrder;
        }

        @Override
        public void run() {
            runs.incrementAndGet(thread * TASKS_PER_THREAD + sequence);
            // drains never overlap, so this plain array is only touched by one drain at a time
            if (lastSeen[thread] != sequence - 1) {
                outOfOrder.incrementAndGet();
            }
            lastSeen[thread] = sequence;
        }
    }

    @Test
    void everyTaskFromManyThreadsRunsOnceAndInEachThreadsOrderOnTheOwnedThread() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-queue-test-completions");
        try {
            assertEveryTaskRunsOnceInOrder(executor);
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyTaskRunsOnceAndInOrderOnACallersPoolOfSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertEveryTaskRunsOnceInOrder(CompletionExecutor.callerOwned(pool));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksStillRunWhenTheCallersExecutorRefusesThem() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        assertEveryTaskRunsOnceInOrder(CompletionExecutor.callerOwned(pool));
    }

    @Test
    void theOwnedThreadIsWokenForEveryTaskThatArrivesWhileItParks() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-wake-test-completions");
        try {
            // one task at a time, each queued after the thread has run out of work: a lost wake-up
            // leaves a task waiting forever
            for (int i = 0; i < 5_000; i++) {
                CountDownLatch ran = new CountDownLatch(1);
                executor.execute(task(ran::countDown));
                assertThat(ran.await(10, TimeUnit.SECONDS)).as("task %d ran", i).isTrue();
                if (i % 500 == 0) {
                    // let the thread get past its nap and really park
                    awaitParked("kafka-sdk-producer-wake-test-completions");
                }
            }
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void tasksQueuedWhileAndAfterTheOwnedThreadStopsAllRunOnce() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-stop-test-completions");
        assertEveryTaskRunsOnceInOrder(executor, () -> executor.shutdown(Duration.ofSeconds(5)));
        // after the stop, a task runs on the thread that queues it
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        executor.execute(task(() -> ranOn.set(Thread.currentThread())));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void aCallbackThatThrowsAnErrorIsLoggedAndTheThreadRunsEveryOtherTaskOnce() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-error-test-completions");
        try {
            AtomicLong before = new AtomicLong();
            AtomicLong after = new AtomicLong();
            CountDownLatch release = new CountDownLatch(1);
            executor.execute(task(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            for (int i = 0; i < 100; i++) {
                executor.execute(task(before::incrementAndGet));
            }
            executor.execute(task(() -> {
                throw new StackOverflowError("callback recursed");
            }));
            for (int i = 0; i < 100; i++) {
                executor.execute(task(after::incrementAndGet));
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> after.get() == 100);
            // the completion thread lives on: a new task still runs there, not on the queueing thread
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            executor.execute(task(() -> ranOn.set(Thread.currentThread())));
            await().atMost(Duration.ofSeconds(10)).until(() -> ranOn.get() != null);
            assertThat(ranOn.get().getName()).isEqualTo("kafka-sdk-producer-error-test-completions");
            assertThat(before.get()).isEqualTo(100);
            assertThat(after.get()).isEqualTo(100);
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aThreadThatSawTheOwnedThreadUnstartedDoesNotDrainBesideIt() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-stale-start-completions");
        try {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong firstRuns = new AtomicLong();
            AtomicLong secondRuns = new AtomicLong();
            AtomicReference<Thread> secondRanOn = new AtomicReference<>();
            executor.execute(task(() -> {
                firstRuns.incrementAndGet();
                if (executor.isCompletionThread()) {
                    running.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            executor.execute(task(() -> {
                secondRuns.incrementAndGet();
                secondRanOn.set(Thread.currentThread());
            }));
            // what a thread does that read UNSTARTED just before another one started the thread
            executor.wake(CompletionExecutor.UNSTARTED);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> secondRuns.get() > 0);
            assertThat(firstRuns.get()).isEqualTo(1);
            assertThat(secondRuns.get()).isEqualTo(1);
            assertThat(secondRanOn.get().getName()).isEqualTo("kafka-sdk-producer-stale-start-completions");
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aProducerClosedBeforeAnyCompletionNeverStartsItsThread() {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-unstarted-test-completions");
        executor.shutdown(Duration.ofSeconds(1));
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        executor.execute(task(() -> ranOn.set(Thread.currentThread())));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .doesNotContain("kafka-sdk-producer-unstarted-test-completions");
    }

    @Test
    void awaitQueuedReturnsOnlyAfterEarlierTasksRan() throws Exception {
        CompletionExecutor executor = CompletionExecutor.owned("kafka-sdk-producer-await-test-completions");
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong finished = new AtomicLong();
            executor.execute(task(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
            }));
            CountDownLatch awaited = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                executor.awaitQueued();
                awaited.countDown();
            });
            waiter.start();
            assertThat(awaited.await(200, TimeUnit.MILLISECONDS)).isFalse();
            release.countDown();
            assertThat(awaited.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(finished.get()).isEqualTo(1);
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }

    private static CompletionExecutor.Task task(Runnable body) {
        return new CompletionExecutor.Task() {
            @Override
            public void run() {
                body.run();
            }
        };
    }

    private static void awaitParked(String threadName) {
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(threadName))
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> thread.getState() == Thread.State.WAITING);
    }

    private static void assertEveryTaskRunsOnceInOrder(CompletionExecutor executor) throws InterruptedException {
        assertEveryTaskRunsOnceInOrder(executor, () -> {});
    }

    /**
     * Queues {@link #TASKS_PER_THREAD} tasks from each of {@link #THREADS} threads and runs
     * {@code halfway} once every thread has queued half of its tasks.
     */
    private static void assertEveryTaskRunsOnceInOrder(CompletionExecutor executor, Runnable halfway)
            throws InterruptedException {
        AtomicIntegerArray runs = new AtomicIntegerArray(THREADS * TASKS_PER_THREAD);
        int[] lastSeen = new int[THREADS];
        Arrays.fill(lastSeen, -1);
        AtomicLong outOfOrder = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch halfQueued = new CountDownLatch(THREADS);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread producer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < TASKS_PER_THREAD; i++) {
                    if (i == TASKS_PER_THREAD / 2) {
                        halfQueued.countDown();
                    }
                    executor.execute(new Numbered(thread, i, runs, lastSeen, outOfOrder));
                }
            });
            producer.start();
            producers.add(producer);
        }
        start.countDown();
        halfQueued.await();
        halfway.run();
        for (Thread producer : producers) {
            producer.join();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> allRan(runs));
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
        assertThat(outOfOrder.get()).isZero();
    }

    private static boolean allRan(AtomicIntegerArray runs) {
        for (int i = 0; i < runs.length(); i++) {
            if (runs.get(i) == 0) {
                return false;
            }
        }
        return true;
    }
}
