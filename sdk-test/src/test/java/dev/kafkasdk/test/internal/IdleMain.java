package dev.kafkasdk.test.internal;

import java.util.concurrent.CountDownLatch;

/**
 * A child JVM main for process tests: starts the parent watchdog as a broker child does, says it
 * is ready, then blocks until killed.
 */
public final class IdleMain {

    private IdleMain() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        System.out.println("idle child ready");
        new CountDownLatch(1).await();
    }
}
