package dev.kafkasdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures what a client costs in memory, in this JVM.
 *
 * <p>Allocation: HotSpot's per-thread allocated-bytes counters
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), read for every live thread when
 * the probe starts and again when {@link #allocatedBytes()} is called; a thread started in between
 * counts from zero. Call it before closing the client so that its I/O and callback threads are still
 * alive; a thread that ends in between is lost (the benchmark's threads do not). The counters
 * include TLAB space handed to a thread, so they are exact to within a TLAB per thread.
 *
 * <p>Heap: {@link #heapAfterGc()} runs {@code System.gc()} (a full collection with the parallel or
 * serial collector) twice and reads the heap in use.
 */
final class MemoryProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Map<Long, Long> start;

    private MemoryProbe(Map<Long, Long> start) {
        this.start = start;
    }

    /**
     * Starts counting allocations.
     *
     * @return the probe
     * @throws IllegalStateException if this JVM cannot count allocated bytes per thread
     */
    static MemoryProbe start() {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        return new MemoryProbe(snapshot());
    }

    /**
     * Bytes allocated by all live threads since {@link #start()}.
     *
     * @return the sum over threads
     */
    long allocatedBytes() {
        long total = 0;
        for (Map.Entry<Long, Long> e : snapshot().entrySet()) {
            total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    /**
     * The heap in use after two full collections.
     *
     * @return bytes
     */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /**
     * Empties the young generation before a timed run. With {@code benchmarks/run}'s young
     * generation (larger than what one run allocates) no collection then falls inside the run; without
     * this, whether a collection hit a run, and how many in-flight records it had to copy, decided up to
     * half a second of a one-second run and swamped the differences between clients. What each client
     * allocates is reported by the memory table instead.
     */
    static void collectBeforeTimedRun() {
        System.gc();
    }

    private static Map<Long, Long> snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }
}
