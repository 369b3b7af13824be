package dev.kafkasdk.producer;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;

/**
 * A typed, asynchronous Kafka producer built from a named producer configuration.
 *
 * <pre>{@code
 * KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka-sdk.yaml"));
 * try (SdkProducer<String, Order> orders = SdkProducer.create(
 *     config.producer("orders"), Serdes.string(), Serdes.json(Order.class))) {
 *   orders.send(OutgoingRecord.of("orders", order.id(), order))
 *       .whenComplete((result, failure) -> { ... });
 * }
 * }</pre>
 *
 * <p><b>Sending never throws.</b> {@link #send(OutgoingRecord)} returns a future that fails
 * with a {@link KafkaSdkException} for every problem, including those kafka-clients raises
 * synchronously (a serializer failure, a full {@code buffer.memory}, a record over
 * {@code max.request.size}, a closed producer). A
 * {@link dev.kafkasdk.core.RetriableKafkaSdkException} means sending again later may work; a
 * {@link dev.kafkasdk.core.FatalKafkaSdkException} means this producer can no longer send.
 * After the first fatal error (fenced, not authorized, not authenticated, unsupported version,
 * out-of-order sequence) the producer logs it once and fails every later send at once with a
 * message naming it.
 *
 * <p><b>No retry wrapper.</b> There is deliberately no Resilience4j {@code Retry} around sends:
 * kafka-clients already retries each batch until {@code delivery.timeout.ms}, idempotently when
 * {@code enable.idempotence=true}; a second retry layer would re-send records the broker may
 * already have written, producing duplicates and reordering. An optional circuit breaker (see
 * {@link SdkProducerBuilder#circuitBreaker}) only fails sends fast while the cluster is down.
 *
 * <p><b>Threading.</b> Thread-safe; share one producer per configuration across threads, as
 * with {@code KafkaProducer}.
 *
 * <p><b>{@code send} never blocks</b> (unless the settings choose {@code blocking-send: true}).
 * A record for a topic whose metadata kafka-clients does not have yet waits in that topic's
 * queue, bounded by {@code pending-records} and {@code pending-bytes}, and the producer's own
 * thread ({@code ...-metadata}) hands the queue to kafka-clients in send order once the
 * metadata arrives; later sends to the topic never overtake queued ones, and go straight to
 * kafka-clients again once the queue is empty. A full queue, a full {@code buffer.memory} or a
 * reached in-flight cap fail the future at once with a
 * {@link dev.kafkasdk.core.RetriableKafkaSdkException} naming the setting. Queued records fail
 * after {@code missing-topic-timeout} when the cluster answers without the topic (it does not
 * exist or is not authorized), or after {@code delivery-timeout} when the cluster does not
 * answer at all. With {@code blocking-send: true}, and always for a
 * {@link TransactionalProducer}, {@code send} behaves as kafka-clients' does: it may block up to
 * {@code max-block} for metadata, buffer space or an in-flight permit. Topics named in the
 * settings' {@code topics} or {@link SdkProducerBuilder#warmTopics} have their metadata fetched
 * when the producer is created.
 *
 * <p>Futures complete, and callbacks run, on the producer's completion executor, never on
 * kafka-clients' I/O thread ({@code kafka-producer-network-thread}); by default that is one
 * daemon thread owned by this producer, which keeps kafka-clients' per-partition completion
 * order.
 *
 * <p><b>Ownership.</b> The producer owns its kafka-clients producer and its default completion
 * thread and closes both in {@link #close(Duration)}. An executor, meter registry or circuit
 * breaker passed to the builder stays the caller's and is never shut down or closed.
 *
 * <p><b>Lifecycle and names.</b> As every SDK client (see {@link SdkClient}): usable as soon as
 * it is created, no {@code start()}; {@link #close()} waits
 * {@link SdkClient#DEFAULT_CLOSE_TIMEOUT}; the completion thread is named
 * {@code kafka-sdk-producer-<name>-<n>-completions}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface SdkProducer<K, V> extends SdkClient {

    /**
     * Creates a producer from a named producer configuration with default options: the SDK's own
     * completion thread, no metrics, no circuit breaker and no in-flight cap.
     *
     * @param settings the producer settings, e.g. {@code KafkaSdkConfig.producer("orders")}
     * @param keySerde turns keys into bytes, e.g. {@link Serdes#string()}
     * @param valueSerde turns values into bytes, e.g.
     *     {@link Serdes#json(Class)}
     * @param <K> the key type
     * @param <V> the value type
     * @return a running producer; close it when done
     * @throws KafkaSdkException if kafka-clients rejects the configuration
     */
    static <K, V> SdkProducer<K, V> create(ProducerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        return builder(settings, keySerde, valueSerde).build();
    }

    /**
     * Starts a builder for a producer with options (completion executor, meter registry, circuit
     * breaker, in-flight cap).
     *
     * @param settings the producer settings
     * @param keySerde turns keys into bytes
     * @param valueSerde turns values into bytes
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder
     */
    static <K, V> SdkProducerBuilder<K, V> builder(ProducerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        return new SdkProducerBuilder<>(settings, keySerde, valueSerde);
    }

    /**
     * Sends a record asynchronously.
     *
     * @param record the record
     * @return completes with where the record was stored, or fails with a
     *     {@link KafkaSdkException} naming the topic, partition when known and key; completes on
     *     the completion executor
     * @throws NullPointerException only if the record is null
     */
    CompletableFuture<SendResult> send(OutgoingRecord<K, V> record);

    /**
     * Sends a record with a key and value and no headers; see {@link #send(OutgoingRecord)}.
     *
     * @param topic the destination topic
     * @param key the key, may be null
     * @param value the value, may be null
     * @return the send's outcome
     */
    default CompletableFuture<SendResult> send(String topic, @Nullable K key, @Nullable V value) {
        return send(OutgoingRecord.of(topic, key, value));
    }

    /**
     * Sends a record asynchronously and reports the outcome to a callback, which runs exactly once
     * on the completion executor.
     *
     * @param record the record
     * @param callback receives the result or the failure
     * @throws NullPointerException only if the record or callback is null
     */
    void send(OutgoingRecord<K, V> record, SendCallback callback);

    /**
     * Sends a record and blocks until the broker acknowledged it, for the rare caller that must
     * know before going on. With {@code linger.ms > 0} every call pays the linger (5 ms with
     * {@code BALANCED}, 1 ms with {@code LOW_LATENCY}); set {@code linger: 0ms} for a producer
     * that sends one record at a time.
     *
     * @param record the record
     * @param timeout how long to wait for the acknowledgement
     * @return where the record was stored
     * @throws KafkaSdkException the send's failure; a {@link dev.kafkasdk.core.RetriableKafkaSdkException}
     *     if the timeout passed first (the record may still be delivered)
     * @throws IllegalStateException if called on the producer's own completion thread
     */
    SendResult sendAndWait(OutgoingRecord<K, V> record, Duration timeout);

    /**
     * Sends every buffered record now and blocks until each earlier send has completed (records
     * waiting for their topic's metadata included: this waits for the metadata, or for the
     * records to fail); with the
     * default completion thread their futures are complete when this returns. Does nothing once
     * closed.
     *
     * @throws org.apache.kafka.common.errors.InterruptException if interrupted while waiting
     */
    void flush();

    /**
     * The {@code client.id} of the underlying kafka-clients producer, also used in exception
     * context and meter tags; see {@link SdkClient} for how it is chosen.
     *
     * @return the client id
     */
    @Override
    String clientId();

    /**
     * Whether {@link #close(Duration)} has been called.
     *
     * @return true once closing has started
     */
    boolean isClosed();

    /**
     * Waits up to the timeout for buffered and in-flight records to be acknowledged, then closes
     * the kafka-clients producer (records still unsent then fail), unbinds the Kafka client
     * metrics and stops the SDK-owned completion thread once queued completions have run.
     * Idempotent; later sends fail with a {@link dev.kafkasdk.core.FatalKafkaSdkException} saying
     * the producer is closed. Caller-supplied executors, registries and breakers are left alone.
     *
     * @param timeout the longest wait for outstanding records
     * @return {@code true} if outstanding records were answered and queued completions ran within
     *     the timeout; {@code false} if records were abandoned or completions still run on the
     *     daemon completion thread; a later call returns the first call's outcome at once
     *     ({@code false} while the first is still closing)
     */
    @Override
    boolean close(Duration timeout);
}
