package dev.kafkasdk.consumer.internal;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/** Processes the records of one poll. Poll thread only. */
interface RoundProcessor {

    /**
     * Hands the polled records to the handler, records completions, seeks back whatever it did not
     * process and ends the round with the commit strategy.
     *
     * @param polled the raw records of one poll
     * @param pollReturnedNanos when that poll returned ({@link System#nanoTime()})
     */
    void process(ConsumerRecords<byte[], byte[]> polled, long pollReturnedNanos);

    /** Runs once on the poll thread before the first poll. */
    default void begin() {}

    /**
     * Runs after every poll, with or without records (concurrent modes: failures, pauses, periodic
     * commits).
     *
     * @param nowNanos the current time
     */
    default void tick(long nowNanos) {}

    /**
     * Runs before every poll and may shorten its timeout, or wait instead of polling (concurrent
     * modes: while every partition is paused for back-pressure).
     *
     * @param nowNanos the current time
     * @param timeoutNanos the poll timeout the loop would use
     * @return the poll timeout to use, at most {@code timeoutNanos}
     */
    default long beforePoll(long nowNanos, long timeoutNanos) {
        return timeoutNanos;
    }
}
