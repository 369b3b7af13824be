package dev.kafkasdk.benchmarks;

import java.lang.management.ManagementFactory;

/** Reads the CPU time this JVM has used so far, over all its threads. */
final class ClientCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ClientCpu() {}

    /**
     * The process CPU time in nanoseconds.
     *
     * @return CPU nanoseconds used by this JVM since it started
     */
    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
