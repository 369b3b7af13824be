package dev.kafkasdk.producer.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor on which send futures complete and send callbacks run, so that no user code runs
 * on kafka-clients' I/O thread ({@code kafka-producer-network-thread}).
 *
 * <p>Either the SDK's own single daemon thread, which keeps the per-partition callback order
 * kafka-clients guarantees and is shut down by {@link #shutdown(Duration)}, or the caller's
 * executor, which is never shut down.
 */
final class CompletionExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CompletionExecutor.class);
  private static final AtomicReferenceFieldUpdater<CompletionExecutor, Task> TAIL =
      AtomicReferenceFieldUpdater.newUpdater(CompletionExecutor.class, Task.class, "tail");
  private static final AtomicReferenceFieldUpdater<Task, Task> NEXT =
      AtomicReferenceFieldUpdater.newUpdater(Task.class, Task.class, "next");

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

  private final Executor executor;
  private final ExecutorService owned;
  private final String description;
  private volatile Thread ownedThread;
  private volatile boolean rejectionLogged;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  private CompletionExecutor(Executor executor, ExecutorService owned, String description) {
    this.executor = executor;
    this.owned = owned;
    this.description = description;
    Task stub = new Task() {
      @Override
      public void run() {
      }
    };
    this.head = stub;
    this.tail = stub;
  }

  /**
   * The SDK's own single-thread executor for one producer.
   *
   * @param clientId the producer's client id, used in the thread name
   * @return an executor this SDK shuts down on close
   */
  static CompletionExecutor owned(String clientId) {
    String threadName = "kafka-sdk-producer-" + clientId + "-completions";
    CompletionExecutor[] holder = new CompletionExecutor[1];
    ExecutorService service = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      holder[0].ownedThread = thread;
      return thread;
    });
    holder[0] = new CompletionExecutor(service, service, threadName);
    return holder[0];
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
   * Queues the task and makes sure one drain of the queue is scheduled on the executor. If the
   * executor refuses the drain (the SDK's own thread after close, or a caller's executor that
   * was shut down), the queue is drained on the current thread instead, so no future is ever
   * left incomplete.
   *
   * <p>kafka-clients completes a whole batch of records in one burst on its I/O thread; handing
   * each record to the executor separately would cost a queue hand-off and a thread wake-up per
   * record. Instead, completions queue here and one executor task runs every completion queued
   * so far, in the order they arrived (which keeps kafka-clients' per-partition order, even on a
   * caller's multi-threaded executor).
   *
   * <p>The queue is intrusive (multi-producer, single-consumer, after Vyukov): queueing is one
   * atomic swap of the tail, with no node allocated. The I/O thread queues almost every task,
   * and only one drain runs at a time, guarded by {@code drainScheduled}.
   *
   * @param task the completion task, never queued before
   */
  void execute(Task task) {
    Task previous = TAIL.getAndSet(this, task);
    NEXT.lazySet(previous, task);
    // read before CAS: while a drain is scheduled (the common case in a burst) this stays a
    // plain read of a shared cache line instead of a write
    if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        if (owned == null && !rejectionLogged) {
          rejectionLogged = true;
          LOG.warn("Completion executor {} rejected a task; completing sends on the reporting "
              + "thread instead. Keep the executor running until the producer is closed.",
              description, e);
        }
        drain();
      }
    }
  }

  /** Takes the oldest linked task, or null when none is linked yet. Drain only. */
  private Task poll() {
    Task next = head.next;
    if (next == null) {
      return null;
    }
    head = next;
    return next;
  }

  /**
   * Whether nothing is queued; false also while a task is swapped in but not yet linked, so
   * the drain comes back for it.
   */
  private boolean isEmpty() {
    return head == tail;
  }

  private void drain() {
    do {
      Task task;
      while ((task = poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("A send completion task failed on {}", description, e);
        }
      }
      drainScheduled.set(false);
      if (!isEmpty() && head.next == null) {
        // a thread swapped the tail but has not linked its task yet (it was preempted between
        // the two steps): give it the CPU instead of spinning on the link
        Thread.yield();
      }
      // a task queued between the last poll and the reset saw the flag still set and did not
      // schedule a drain: take it over here
    } while (!isEmpty() && drainScheduled.compareAndSet(false, true));
  }

  /**
   * Whether the current thread is the SDK-owned completion thread, where waiting for another
   * send's completion would deadlock.
   *
   * @return true on the SDK's own completion thread
   */
  boolean isCompletionThread() {
    return owned != null && Thread.currentThread() == ownedThread;
  }

  /**
   * Waits until every completion queued so far on the SDK's own thread has run, so that after
   * {@code flush()} the futures of earlier sends are complete. Does nothing for a caller's
   * executor (its ordering is unknown) or on the completion thread itself.
   */
  void awaitQueued() {
    if (owned == null || isCompletionThread()) {
      return;
    }
    try {
      owned.submit(() -> { }).get();
    } catch (RejectedExecutionException e) {
      return;
    } catch (ExecutionException e) {
      throw new IllegalStateException("completion marker failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  /**
   * Lets queued completions finish and stops the SDK-owned thread; does nothing for a caller's
   * executor.
   *
   * @param timeout how long to wait for queued completions
   */
  void shutdown(Duration timeout) {
    if (owned == null) {
      return;
    }
    owned.shutdown();
    if (isCompletionThread()) {
      return;
    }
    try {
      if (!owned.awaitTermination(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
        LOG.warn("Completion thread {} did not finish its queued callbacks within {}; "
            + "they still run on that daemon thread.", description, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
