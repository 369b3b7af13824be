package dev.kafkasdk.test.internal;

import java.io.IOException;

/**
 * Runs inside a child broker JVM and halts it once its parent test JVM is gone, even if the parent
 * died by {@code kill -9}; so no broker outlives its test run. The parent's death closes this JVM's
 * standard input. End-of-file alone is not enough, because {@link Process#destroy()} also closes
 * the pipe while it asks for a graceful stop, so after end-of-file the watchdog waits for the
 * parent process to exit.
 */
final class ParentWatchdog {

    /** Exit status of a child that halted because its parent went away. */
    static final int PARENT_GONE_STATUS = 86;

    private ParentWatchdog() {}

    /** Starts the daemon thread that halts this JVM once the parent process is gone. */
    static void start() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        Thread watchdog = new Thread(() -> haltWhenParentGone(parent), "kafka-sdk-test-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void haltWhenParentGone(ProcessHandle parent) {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException e) {
            // a broken pipe is end-of-file too
        }
        if (parent != null) {
            // completes at once if the parent is dead; otherwise the parent is stopping us gracefully
            parent.onExit().join();
        }
        System.err.println("kafka-sdk-test: parent JVM is gone, halting this child JVM");
        Runtime.getRuntime().halt(PARENT_GONE_STATUS);
    }
}
