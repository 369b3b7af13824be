package dev.kafkasdk.consumer;

import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * A managed Kafka consumer: it owns one {@code KafkaConsumer} and the thread that polls it, hands
 * records to a {@link RecordHandler} or {@link BatchHandler}, and records progress by its
 * {@link CommitMode}.
 *
 * <pre>{@code
 * SdkConsumer<String, Order> consumer = SdkConsumer.builder(config.consumer("orders"),
 *         Serdes.string(), Serdes.json(Order.class))
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
 * {@code kafka-sdk-consumer-<name>-<n>-poll}. Methods that act on the client ({@link #seek},
 * {@link #pause}, {@link #resume}) are queued and run between two polls; their futures complete
 * then. Do not block on those futures inside a handler: the poll thread would wait for itself. In
 * concurrent modes (settings {@code ordering}/{@code concurrency}) the handler runs on worker
 * threads instead and the poll thread never runs user code; see {@link RecordHandler}.
 *
 * <p>Ownership: the consumer closes what it creates (the Kafka client, its metrics binding, a
 * dead-letter publisher built by {@link SdkConsumerBuilder#deadLettersToKafka()}); it never closes
 * what it is given (meter registry, serdes, publisher, offset store, transactional sink, admin).
 *
 * <p>Lifecycle and names follow the convention of every SDK client (see {@link SdkClient}): built
 * stopped, {@link #start()} begins polling, {@link #stop()} asks it to stop and returns at once,
 * {@link #close(Duration)} stops and waits; two consumers built from the same settings get
 * distinct client ids (unless the settings give an explicit {@code client-id}) and thread names.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface SdkConsumer<K, V> extends SdkClient {

    /**
     * Builds a consumer for the common case: subscribe to topics through the group, one record at a
     * time, with the builder's defaults (see {@link SdkConsumerBuilder}). Same as
     * {@code builder(settings, keySerde, valueSerde).subscribe(topics).recordHandler(handler).build()};
     * call {@link #start()} to begin.
     *
     * @param settings the named consumer settings (e.g. {@code KafkaSdkConfig.consumer("orders")})
     * @param keySerde reads keys, e.g. {@link Serdes#string()}; only its
     *     deserializer is used, never configured or closed
     * @param valueSerde reads values, e.g. {@link Serdes#json(Class)}
     * @param handler runs for each record on the poll thread
     * @param topics the topics to subscribe to
     * @param <K> the key type
     * @param <V> the value type
     * @return a consumer, not yet started
     * @throws dev.kafkasdk.core.ConfigException listing every problem found
     */
    static <K, V> SdkConsumer<K, V> create(
            ConsumerSettings settings,
            Serde<K> keySerde,
            Serde<V> valueSerde,
            RecordHandler<K, V> handler,
            String... topics) {
        return builder(settings, keySerde, valueSerde)
                .subscribe(topics)
                .recordHandler(handler)
                .build();
    }

    /**
     * Starts building a consumer, with the same serdes the producer takes.
     *
     * @param settings the named consumer settings (e.g. {@code KafkaSdkConfig.consumer("orders")})
     * @param keySerde reads keys (see {@link Serdes}); only its deserializer is
     *     used, never configured or closed
     * @param valueSerde reads values; only its deserializer is used
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder
     */
    static <K, V> SdkConsumerBuilder<K, V> builder(ConsumerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        return new SdkConsumerBuilder<>(settings, keySerde.deserializer(), valueSerde.deserializer());
    }

    /**
     * Starts building a consumer from bare kafka-clients deserializers, for formats that have no
     * serde.
     *
     * @param settings the named consumer settings
     * @param keyDeserializer the key deserializer; not configured or closed by the consumer
     * @param valueDeserializer the value deserializer; not configured or closed by the consumer
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder
     */
    static <K, V> SdkConsumerBuilder<K, V> builder(
            ConsumerSettings settings, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
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
     * Asks the consumer to stop with a {@link SdkClient#DEFAULT_CLOSE_TIMEOUT} budget and returns at
     * once. The round in flight finishes (or, past half the budget, is abandoned between records),
     * completed work is committed and the client closes. Idempotent.
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
    @Override
    boolean close(Duration timeout);

    /**
     * Waits until the poll thread has ended ({@link ConsumerState#STOPPED} or {@link ConsumerState#FAILED}).
     *
     * @param timeout the longest wait
     * @return {@code true} if terminated; {@code false} on timeout or when called from the poll thread
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Waits until the consumer is ready: it has left {@link ConsumerState#STARTING} because the group
     * gave it its assignment (or, with {@code assign(...)}, its partitions are set) after the cluster
     * answered and the topics were found. Returns at once if it is already running, paused or
     * rebalancing. Use it in a readiness probe or before sending the first test record. The consumer's
     * own bound is the setting {@code start-timeout}: past it an unreachable cluster, or a missing
     * topic with {@code missing-topics: fail}, moves the consumer to {@link ConsumerState#FAILED}.
     *
     * @param timeout the longest wait; not negative
     * @throws ConsumerNotReadyException if {@code timeout} passes first (it names what the consumer is
     *     still waiting for: an answer from the bootstrap servers, a missing topic, the group's
     *     assignment), or the consumer ends {@code FAILED} or {@code STOPPED} first (the failure is the
     *     cause)
     * @throws IllegalStateException if the consumer was not started
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitReady(Duration timeout) throws InterruptedException;

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
     * The Kafka {@code client.id} of this consumer; see {@link SdkClient} for how it is chosen.
     *
     * @return the client id
     */
    @Override
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
