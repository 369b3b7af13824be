package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Virtual threads when the running JVM has them (Java 21+), a named platform pool otherwise. */
class WorkerExecutorsTest {

    @Test
    void usesVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
        boolean expectVirtual = Runtime.version().feature() >= 21;
        ExecutorService executor = WorkerExecutors.create(4, "c1", true);
        try {
            Thread thread = CompletableFuture.supplyAsync(Thread::currentThread, executor)
                    .get(10, TimeUnit.SECONDS);

            assertThat(WorkerExecutors.virtualThreadsAvailable()).isEqualTo(expectVirtual);
            assertThat(isVirtual(thread)).isEqualTo(expectVirtual);
            if (!expectVirtual) {
                assertThat(thread.getName()).startsWith("kafkasdk-worker-c1-");
                assertThat(thread.isDaemon()).isTrue();
            }
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void fallsBackToAPlatformPoolWhenVirtualThreadsAreNotWanted() throws Exception {
        ExecutorService executor = WorkerExecutors.create(2, "c2", false);
        try {
            Thread thread = CompletableFuture.supplyAsync(Thread::currentThread, executor)
                    .get(10, TimeUnit.SECONDS);

            assertThat(isVirtual(thread)).isFalse();
            assertThat(thread.getName()).startsWith("kafkasdk-worker-c2-");
        } finally {
            executor.shutdown();
        }
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
