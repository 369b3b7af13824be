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
}
