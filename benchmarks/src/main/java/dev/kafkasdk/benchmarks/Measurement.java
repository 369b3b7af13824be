package dev.kafkasdk.benchmarks;

/**
 * One timed run of one scenario.
 *
 * @param scenario the scenario's name
 * @param round the round it ran in (scenarios alternate within a round)
 * @param records how many records were sent or read
 * @param nanos wall-clock time from the first send or poll to the last acknowledgement or record
 */
public record Measurement(String scenario, int round, long records, long nanos) {

    /**
     * Records per second of this run.
     *
     * @return records divided by the elapsed seconds
     */
    public double recordsPerSecond() {
        return records / (nanos / 1e9);
    }
}
