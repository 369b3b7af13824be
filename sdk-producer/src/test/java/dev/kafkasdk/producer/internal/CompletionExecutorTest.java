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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
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

    Numbered(int thread, int sequence, AtomicIntegerArray runs, int[] lastSeen,
        AtomicLong outOfOrder) {
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
    CompletionExecutor executor = CompletionExecutor.owned("queue-test");
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

  private static void assertEveryTaskRunsOnceInOrder(CompletionExecutor executor)
      throws InterruptedException {
    AtomicIntegerArray runs = new AtomicIntegerArray(THREADS * TASKS_PER_THREAD);
    int[] lastSeen = new int[THREADS];
    Arrays.fill(lastSeen, -1);
    AtomicLong outOfOrder = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
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
          executor.execute(new Numbered(thread, i, runs, lastSeen, outOfOrder));
        }
      });
      producer.start();
      producers.add(producer);
    }
    start.countDown();
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
