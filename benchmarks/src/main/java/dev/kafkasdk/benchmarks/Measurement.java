package dev.kafkasdk.benchmarks;

/**
 * One timed run of one scenario.
 *
 * @param scenario the scenario's name
 * @param round the round it ran in (scenarios alternate within a round)
 * @param records how many records were sent or read
 * @param nanos wall-clock time from the first send or poll to the last acknowledgement or record
 * @param cpuNanos CPU time the client JVM used in that run, all threads (the broker runs elsewhere)
 */
public record Measurement(String scenario, int round, long records, long nanos, long cpuNanos) {

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
}
