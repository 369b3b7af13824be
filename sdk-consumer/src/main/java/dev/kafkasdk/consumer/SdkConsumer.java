package dev.kafkasdk.consumer;

import dev.kafkasdk.core.config.ConsumerSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A managed Kafka consumer: it owns one {@code KafkaConsumer} and the thread that polls it, hands
 * records to a {@link RecordHandler} or {@link BatchHandler}, and records progress by its
 * {@link CommitMode}.
 *
 * <pre>{@code
 * SdkConsumer<String, Order> consumer = SdkConsumer.builder(config.consumer("orders"),
 *         Deserializers.string(), Deserializers.json(Order.class))
 *     .subscribe("orders")
 *     .recordHandler(record -> orders.save(record.value()))
 *     .commitMode(CommitMode.syncPerBatch())
 *     .build();
 * consumer.start();
 * ...
 * consumer.close(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Threading: every method is safe to call from any thread. The handler, the rebalance work and
 * every call on the Kafka client run on the consumer's own poll thread, named
 * {@code kafkasdk-poll-<client id>}. Methods that act on the client ({@link #seek},
 * {@link #pause}, {@link #resume}) are queued and run between two polls; their futures complete
 * then. Do not block on those futures inside a handler: the poll thread would wait for itself. In
 * concurrent modes (settings {@code ordering}/{@code concurrency}) the handler runs on worker
 * threads instead and the poll thread never runs user code; see {@link RecordHandler}.
 *
 * <p>Ownership: the consumer closes what it creates (the Kafka client, its metrics binding, a
 * dead-letter publisher built by {@link SdkConsumerBuilder#deadLettersToKafka()}); it never closes
 * what it is given (meter registry, deserializers, publisher, offset store, transactional sink, admin).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SdkConsumer<K, V> extends AutoCloseable {

  /**
   * Starts building a consumer.
   *
   * @param settings the named consumer settings (e.g. {@code KafkaSdkConfig.consumer("orders")})
   * @param keyDeserializer the key deserializer (see {@link Deserializers}); not closed by the consumer
   * @param valueDeserializer the value deserializer; not closed by the consumer
   * @param <K> the key type
   * @param <V> the value type
   * @return a new builder
   */
  static <K, V> SdkConsumerBuilder<K, V> builder(ConsumerSettings settings, Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    return new SdkConsumerBuilder<>(settings, keyDeserializer, valueDeserializer);
  }

  /**
   * Creates the Kafka client and starts the poll thread. Returns at once; watch {@link #state()}.
   *
   * @throws IllegalStateException if already started, stopped or closed
   * @throws dev.kafkasdk.core.KafkaSdkException if the Kafka client cannot be created
   */
  void start();

  /**
   * Asks the consumer to stop with a 30 s budget and returns at once. The round in flight finishes
   * (or, past half the budget, is abandoned between records), completed work is committed and the
   * client closes. Idempotent.
   */
  void stop();

  /**
   * Stops the consumer and waits for it. The round in flight may run for half of {@code timeout};
   * after that a record round is abandoned between records and a batch handler's thread is
   * interrupted. Completed work is then committed and the client closed within the rest. Idempotent.
   *
   * @param timeout the whole shutdown budget
   * @return {@code true} if the consumer terminated within the timeout
   */
  boolean close(Duration timeout);

  /** Same as {@code close(Duration.ofSeconds(30))}. */
  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * Waits until the poll thread has ended ({@link ConsumerState#STOPPED} or {@link ConsumerState#FAILED}).
   *
   * @param timeout the longest wait
   * @return {@code true} if terminated; {@code false} on timeout or when called from the poll thread
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  /**
   * The current health state.
   *
   * @return the state; never {@code null}
   */
  ConsumerState state();

  /**
   * Why the consumer failed.
   *
   * @return the cause when {@link #state()} is {@link ConsumerState#FAILED}; usually a
   *     {@link dev.kafkasdk.core.KafkaSdkException} naming the partition and offset
   */
  Optional<Throwable> failureCause();

  /**
   * The Kafka {@code client.id} of this consumer.
   *
   * @return the client id
   */
  String clientId();

  /**
   * Moves an assigned partition to a new position before the next poll. Its retry backoff, if any,
   * ends; a {@link StartPosition#window} replay applies to it alone.
   *
   * @param partition an assigned partition
   * @param position where to go
   * @return completes once the seek is done; fails with {@link IllegalStateException} if the
   *     partition is not assigned or the consumer is not running
   */
  CompletableFuture<Void> seek(TopicPartition partition, StartPosition position);

  /**
   * Stops fetching from every assigned partition while staying in the group (state
   * {@link ConsumerState#PAUSED}). Partitions assigned later are paused too.
   *
   * @return completes once paused
   */
  CompletableFuture<Void> pause();

  /**
   * Undoes {@link #pause()}; partitions held by a retry backoff or a finished replay window stay paused.
   *
   * @return completes once resumed
   */
  CompletableFuture<Void> resume();

  /**
   * The {@link LivenessAdvisor}'s current report with this consumer's settings and live
   * measurements (GC pauses, per-record handler time, broker group timeouts).
   *
   * @return a new report
   */
  LivenessReport livenessReport();
}
