package dev.kafkasdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the threads of this JVM spent in a window: CPU time from each thread's own clock
 * ({@code ThreadMXBean#getThreadCpuTime}) and bytes allocated
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), summed over every live thread.
 * Unlike the process CPU time it leaves out the JIT compiler and GC threads (HotSpot hides them), so
 * a compilation burst or a collection that lands in one run does not count against that client; and
 * CPU time, unlike wall-clock time, does not grow when other processes take the cores. A thread
 * started in the window counts from zero; one that ends in it is lost, so read the window before the
 * client closes.
 */
final class ThreadCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, long[]> start;

    private ThreadCost(Map<Long, long[]> start) {
        this.start = start;
    }

    /**
     * Starts a window.
     *
     * @return the window
     * @throws IllegalStateException if this JVM cannot measure CPU or allocation per thread
     */
    static ThreadCost start() {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not measure CPU time and allocation per thread");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        THREADS.setThreadAllocatedMemoryEnabled(true);
        return new ThreadCost(snapshot());
    }

    /**
     * The CPU and allocation of every thread since {@link #start()}, with the CPU per thread name.
     *
     * @return the totals
     */
    Totals stop() {
        Map<Long, long[]> end = snapshot();
        long cpu = 0;
        long allocated = 0;
        Map<String, Long> byThread = new TreeMap<>();
        long[] ids = end.keySet().stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long[] now = end.get(ids[i]);
            long[] before = start.getOrDefault(ids[i], new long[2]);
            long threadCpu = Math.max(0, now[0] - before[0]);
            cpu += threadCpu;
            allocated += Math.max(0, now[1] - before[1]);
            if (threadCpu > 0 && infos[i] != null) {
                byThread.merge(group(infos[i].getThreadName()), threadCpu, Long::sum);
            }
        }
        return new Totals(cpu, allocated, byThread);
    }

    /** A thread's name without its numbers, so that the threads of one client role add up. */
    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "N").replaceAll("bench[-a-zA-Z]*N[-a-zA-Z0-9]*", "…");
    }

    private static Map<Long, long[]> snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, long[]> map = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0 && bytes[i] >= 0) {
                map.put(ids[i], new long[] {cpu[i], bytes[i]});
            }
        }
        return map;
    }

    /**
     * One window's figures.
     *
     * @param cpuNanos CPU nanoseconds over all threads
     * @param allocatedBytes bytes allocated over all threads
     * @param cpuByThread CPU nanoseconds per thread name (numbers replaced by {@code N})
     */
    record Totals(long cpuNanos, long allocatedBytes, Map<String, Long> cpuByThread) {}
}
