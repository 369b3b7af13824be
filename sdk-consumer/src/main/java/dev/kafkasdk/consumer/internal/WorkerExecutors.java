package dev.kafkasdk.consumer.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the executor that runs handlers in concurrent modes: one virtual thread per task when the
 * JVM has them (Java 21+, found at run time so the library still targets Java 17), otherwise a
 * platform pool of {@code concurrency} daemon threads. The consumer never submits more than
 * {@code concurrency} tasks at once, so the pool's queue stays short.
 */
final class WorkerExecutors {

    private static final MethodHandle VIRTUAL = findVirtual();

    private WorkerExecutors() {}

    /**
     * Whether this JVM offers virtual threads.
     *
     * @return {@code true} on Java 21+
     */
    static boolean virtualThreadsAvailable() {
        return VIRTUAL != null;
    }

    /**
     * A new executor owned by the caller, who shuts it down.
     *
     * @param concurrency the most tasks the consumer runs at once
     * @param clientId names the platform threads {@code kafkasdk-worker-<client id>-<n>}
     * @param preferVirtual use virtual threads when available
     * @return the executor
     */
    static ExecutorService create(int concurrency, String clientId, boolean preferVirtual) {
        if (preferVirtual && VIRTUAL != null) {
            try {
                return (ExecutorService) VIRTUAL.invoke();
            } catch (Throwable e) {
                // fall through to the platform pool
            }
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "kafkasdk-worker-" + clientId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static MethodHandle findVirtual() {
        try {
            return MethodHandles.publicLookup()
                    .findStatic(
                            java.util.concurrent.Executors.class,
                            "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
