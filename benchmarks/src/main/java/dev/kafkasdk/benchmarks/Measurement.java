package dev.kafkasdk.benchmarks;

/**
 * One timed run of one scenario.
 *
 * @param scenario the scenario's name
 * @param round the round it ran in (scenarios alternate within a round)
 * @param records how many records were sent or read
 * @param nanos wall-clock time from the first send or poll to the last acknowledgement or record
 * @param cpuNanos CPU time the client JVM used in that run, all threads (the broker runs elsewhere)
 * @param p50Millis median send-to-acknowledgement latency in milliseconds, {@code NaN} if not measured
 * @param p99Millis 99th percentile send-to-acknowledgement latency in milliseconds, {@code NaN} if not
 *     measured
 * @param allocatedBytes bytes allocated by all threads of the client JVM during the run, {@code -1} if
 *     not measured
 * @param heapAfterGcBytes heap in use after a full collection at the end of the run with the client
 *     still open, {@code -1} if not measured
 */
public record Measurement(
        String scenario,
        int round,
        long records,
        long nanos,
        long cpuNanos,
        double p50Millis,
        double p99Millis,
        long allocatedBytes,
        long heapAfterGcBytes) {

    /** A timed run that returns its wall-clock nanoseconds. */
    @FunctionalInterface
    interface TimedRun {
        /**
         * Runs once.
         *
         * @return the run's wall-clock time in nanoseconds
         * @throws InterruptedException if interrupted while waiting for acknowledgements
         */
        long run() throws InterruptedException;
    }

    /**
     * Runs a send scenario once after a collection (so no collection lands inside it) and measures its
     * wall-clock and client CPU time, with the latency percentiles {@code latency} recorded meanwhile.
     *
     * @param scenario the scenario's name
     * @param round the round it runs in
     * @param records how many records it sends
     * @param latency the recorder the run's acknowledgements feed
     * @param run the run
     * @return the measurement
     * @throws InterruptedException if interrupted while waiting for acknowledgements
     */
    static Measurement timedSends(String scenario, int round, long records, LatencyRecorder latency, TimedRun run)
            throws InterruptedException {
        MemoryProbe.collectBeforeTimedRun();
        long cpuBefore = ClientCpu.nanos();
        long nanos = run.run();
        return new Measurement(
                scenario,
                round,
                records,
                nanos,
                ClientCpu.nanos() - cpuBefore,
                latency.p50Millis(),
                latency.p99Millis());
    }

    /**
     * A run without latency or memory figures.
     *
     * @param scenario the scenario's name
     * @param round the round it ran in
     * @param records how many records were sent or read
     * @param nanos wall-clock time of the run
     * @param cpuNanos CPU time the client JVM used in the run
     */
    public Measurement(String scenario, int round, long records, long nanos, long cpuNanos) {
        this(scenario, round, records, nanos, cpuNanos, Double.NaN, Double.NaN, -1, -1);
    }

    /**
     * A run with send-to-acknowledgement latency percentiles.
     *
     * @param scenario the scenario's name
     * @param round the round it ran in
     * @param records how many records were sent
     * @param nanos wall-clock time of the run
     * @param cpuNanos CPU time the client JVM used in the run
     * @param p50Millis median latency in milliseconds, {@code NaN} if not measured
     * @param p99Millis 99th percentile latency in milliseconds, {@code NaN} if not measured
     */
    public Measurement(
            String scenario, int round, long records, long nanos, long cpuNanos, double p50Millis, double p99Millis) {
        this(scenario, round, records, nanos, cpuNanos, p50Millis, p99Millis, -1, -1);
    }

    /**
     * A copy with memory figures.
     *
     * @param allocated bytes allocated during the run
     * @param heapAfterGc heap in use after a full collection, client still open
     * @return the copy
     */
    public Measurement withMemory(long allocated, long heapAfterGc) {
        return new Measurement(scenario, round, records, nanos, cpuNanos, p50Millis, p99Millis, allocated, heapAfterGc);
    }

    /**
     * Client CPU microseconds spent per record.
     *
     * @return the client JVM's CPU time divided by the records
     */
    public double cpuMicrosPerRecord() {
        return cpuNanos / 1e3 / records;
    }

    /**
     * Records per second of this run.
     *
     * @return records divided by the elapsed seconds
     */
    public double recordsPerSecond() {
        return records / (nanos / 1e9);
    }

    /**
     * Whether latency percentiles were measured.
     *
     * @return true when p50 and p99 are numbers
     */
    public boolean hasLatency() {
        return !Double.isNaN(p50Millis) && !Double.isNaN(p99Millis);
    }

    /**
     * Whether memory figures were measured.
     *
     * @return true when the allocation and heap figures are present
     */
    public boolean hasMemory() {
        return allocatedBytes >= 0 && heapAfterGcBytes >= 0;
    }

    /**
     * Bytes allocated per record.
     *
     * @return the allocated bytes divided by the records, {@code NaN} when not measured
     */
    public double allocatedBytesPerRecord() {
        return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / records;
    }
}
