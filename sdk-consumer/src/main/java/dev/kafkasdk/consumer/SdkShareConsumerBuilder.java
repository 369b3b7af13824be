package dev.kafkasdk.consumer;

import dev.kafkasdk.core.config.AcknowledgementMode;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link SdkShareConsumer}. Not thread-safe; {@link #build()} may be called once.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.2
 */
public final class SdkShareConsumerBuilder<K, V> {

    /** What the builder hands to the implementation. Not API. */
    public interface Factory {
        /**
         * Creates the consumer.
         *
         * @param spec everything the builder collected
         * @param <K> the key type
         * @param <V> the value type
         * @return the consumer
         */
        <K, V> SdkShareConsumer<K, V> create(Spec<K, V> spec);
    }

    /**
     * Everything the builder collected. Not API.
     *
     * @param settings the settings
     * @param keySerde the key serde
     * @param valueSerde the value serde
     * @param topics the topics
     * @param handler the record handler, or {@code null} when {@code batchHandler} is set
     * @param retryOn which failures may be retried
     * @param deadLetters the publisher, or {@code null} for one the consumer creates and owns
     * @param registry the meter registry, or {@code null}
     * @param tags the meter tags
     * @param pollTimeout the poll timeout
     * @param clientFactory creates the kafka-clients share consumer, or {@code null} for the real one
     * @param batchHandler the batch handler, or {@code null} when {@code handler} is set
     * @param <K> the key type
     * @param <V> the value type
     */
    public record Spec<K, V>(
            ShareConsumerSettings settings,
            Serde<K> keySerde,
            Serde<V> valueSerde,
            List<String> topics,
            @Nullable RecordHandler<K, V> handler,
            Predicate<Throwable> retryOn,
            @Nullable DeadLetterPublisher deadLetters,
            @Nullable MeterRegistry registry,
            Tags tags,
            Duration pollTimeout,
            @Nullable Function<Map<String, Object>, ShareConsumer<byte[], byte[]>> clientFactory,
            @Nullable ShareBatchHandler<K, V> batchHandler) {}

    private final ShareConsumerSettings settings;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final Factory factory;
    private List<String> topics = List.of();
    private @Nullable RecordHandler<K, V> handler;
    private @Nullable ShareBatchHandler<K, V> batchHandler;
    private Predicate<Throwable> retryOn = t -> true;
    private @Nullable DeadLetterPublisher deadLetters;
    private @Nullable MeterRegistry registry;
    private Tags tags = Tags.empty();
    private Duration pollTimeout = Duration.ofMillis(500);
    private @Nullable Function<Map<String, Object>, ShareConsumer<byte[], byte[]>> clientFactory;

    SdkShareConsumerBuilder(ShareConsumerSettings settings, Serde<K> keySerde, Serde<V> valueSerde, Factory factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.factory = factory;
    }

    /**
     * The topics to subscribe to (required).
     *
     * @param topics one or more topic names
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> subscribe(String... topics) {
        this.topics = List.of(topics);
        return this;
    }

    /**
     * The record handler (required); runs on worker threads and must be thread-safe.
     *
     * @param handler the handler
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> recordHandler(RecordHandler<K, V> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * A batch handler instead of a record handler: each poll's records go to it at once, one batch
     * at a time on a worker thread, with an outcome per record (see {@link ShareBatchHandler}).
     *
     * @param handler the handler
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> batchHandler(ShareBatchHandler<K, V> handler) {
        this.batchHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Which handler failures are worth another delivery (RELEASE); others take the
     * {@code on-exhausted} action at once. Default: every failure.
     *
     * @param retryOn the predicate
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> retryOn(Predicate<Throwable> retryOn) {
        this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
        return this;
    }

    /**
     * The publisher of {@code on-exhausted: dead-letter}; not closed by the consumer. Without it the
     * consumer creates a {@link DeadLetterPublisher#kafka(Map)} publisher ({@code <topic>.DLT}) from
     * the settings' cluster and closes it.
     *
     * @param publisher the publisher
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> deadLetters(DeadLetterPublisher publisher) {
        this.deadLetters = Objects.requireNonNull(publisher, "publisher");
        return this;
    }

    /**
     * Counts acknowledgements in a Micrometer registry: {@code kafka.sdk.share.acknowledgements}
     * tagged {@code type} (accept, release, reject, dead-letter, renew) and {@code client.id}. The registry
     * is not closed.
     *
     * @param registry the registry
     * @param tags tags added to every meter
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> metrics(MeterRegistry registry, Iterable<Tag> tags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        return this;
    }

    /**
     * The longest one {@code poll()} waits for records (default 500 ms); also bounds how long
     * {@link SdkShareConsumer#stop()} takes to be noticed while idle.
     *
     * @param timeout positive
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> pollTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive but was " + timeout);
        }
        this.pollTimeout = timeout;
        return this;
    }

    /**
     * Creates the kafka-clients share consumer from the rendered properties (byte-array
     * deserializers); for tests. The consumer closes what it returns.
     *
     * @param factory the factory
     * @return this builder
     */
    public SdkShareConsumerBuilder<K, V> clientFactory(
            Function<Map<String, Object>, ShareConsumer<byte[], byte[]>> factory) {
        this.clientFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Builds the consumer, stopped.
     *
     * @return the consumer
     * @throws IllegalArgumentException naming what is missing or wrong: no topics, no handler or two, or
     *     {@code acknowledgement-mode: implicit} (the SDK acknowledges each record)
     */
    public SdkShareConsumer<K, V> build() {
        StringBuilder problems = new StringBuilder();
        if (topics.isEmpty()) {
            problems.append("no topics: call subscribe(...); ");
        }
        if (handler == null && batchHandler == null) {
            problems.append("no handler: call recordHandler(...) or batchHandler(...); ");
        }
        if (handler != null && batchHandler != null) {
            problems.append("two handlers: call recordHandler(...) or batchHandler(...), not both; ");
        }
        if (settings.acknowledgementMode() != AcknowledgementMode.EXPLICIT) {
            problems.append("share-consumers.")
                    .append(settings.name())
                    .append(".acknowledgement-mode 'implicit' is not supported here: the SDK acknowledges each record"
                            + " (ACCEPT, RELEASE, REJECT); use explicit; ");
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException(
                    "invalid share consumer: " + problems.substring(0, problems.length() - 2));
        }
        return factory.create(new Spec<>(
                settings,
                keySerde,
                valueSerde,
                topics,
                handler,
                retryOn,
                deadLetters,
                registry,
                tags,
                pollTimeout,
                clientFactory,
                batchHandler));
    }
}
