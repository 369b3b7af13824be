package dev.kafkasdk.benchmarks;

/**
 * One point of the fixed-rate benchmark: one scenario at one target rate and value size for one
 * measured window. Latencies are in milliseconds, taken from the record's intended send time (its
 * slot in the fixed schedule), so a stalled {@code send()} shows in the records queued behind it.
 *
 * @param scenario the scenario's name ({@link RateScenario#name()})
 * @param phase where the point belongs: {@code round N} of the paired rounds, or {@code search}
 * @param valueBytes the size of each record's value
 * @param targetRate the scheduled records per second
 * @param achievedRate records sent in the measured window over the time their sends took (the window,
 *     or longer when the sender fell behind the schedule)
 * @param records records scheduled in the measured window and sent
 * @param publish send-to-acknowledgement latency from the intended send time
 * @param endToEnd intended-send-to-consumed latency (the consumer reads the topic in the same run)
 * @param cpuMicrosPerRecord client JVM CPU per measured record, all threads except the measuring
 *     consumer's
 * @param allocatedBytesPerRecord bytes allocated per measured record by all threads except the
 *     measuring consumer's (includes the benchmark's own value array, the same in every scenario)
 * @param load1 the machine's one-minute load average when the point started
 * @param missing measured records never acknowledged or never consumed within the bound (0 when complete)
 */
record RateResult(
        String scenario,
        String phase,
        int valueBytes,
        int targetRate,
        double achievedRate,
        long records,
        Percentiles publish,
        Percentiles endToEnd,
        double cpuMicrosPerRecord,
        double allocatedBytesPerRecord,
        double load1,
        long missing) {

    /** The highest end-to-end p99 that still counts as sustained. */
    static final double MAX_SUSTAINED_P99_MILLIS = 1_000;

    /**
     * Latency percentiles in milliseconds.
     *
     * @param p50 median
     * @param p99 99th percentile
     * @param p999 99.9th percentile
     * @param max the largest value
     */
    record Percentiles(double p50, double p99, double p999, double max) {
        static final Percentiles NONE = new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Whether the client kept up: every record arrived, the achieved rate is within 2% of the target
     * and the end-to-end p99 is under one second.
     *
     * @return true when sustained
     */
    boolean sustained() {
        return missing == 0 && achievedRate >= 0.98 * targetRate && endToEnd.p99() < MAX_SUSTAINED_P99_MILLIS;
    }
}
