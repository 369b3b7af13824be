package dev.kafkasdk.consumer;

import dev.kafkasdk.consumer.internal.DefaultSdkShareConsumer;
import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * A member of a Kafka share group (KIP-932, "queues for Kafka"): records of the subscribed topics
 * are shared among any number of members, with no partition-count ceiling and no ordering, and
 * acknowledged one by one.
 *
 * <pre>{@code
 * SdkShareConsumer<String, Job> workers = SdkShareConsumer.create(
 *         config.shareConsumer("jobs"), Serdes.string(), Serdes.json(Job.class),
 *         List.of("jobs"), record -> run(record.value()));
 * workers.start();
 * }</pre>
 *
 * <p><b>Acknowledgement rules.</b> A handler that returns normally: ACCEPT. A handler that throws a
 * retriable failure on delivery {@code n} below the settings' {@code max-delivery-attempts}: RELEASE,
 * and the broker delivers the record again (to any member). Past the attempts, or a failure the
 * builder's {@code retryOn} predicate refuses, or a record that cannot be deserialized: the
 * settings' {@code on-exhausted} action, REJECT (archived; with {@code share.version=2} and a group
 * dead-letter topic, the broker's dead-letter queue) or DEAD_LETTER (the raw record to the SDK's
 * dead-letter topic with the {@link DeadLetterHeaders}, then ACCEPT once stored). A member that
 * dies holds its records only until their acquisition lock expires; then they are delivered again.
 *
 * <p><b>Lock renewal.</b> At start the consumer reads the group's acquisition lock duration from the
 * broker (group config {@code share.record.lock.duration.ms}, else the broker's
 * {@code group.share.record.lock.duration.ms}; then whatever kafka-clients reports per fetch). A
 * record still being handled after half that duration is acknowledged with RENEW, which extends its
 * lock without a new delivery: long work keeps its records and no other member gets them. See
 * {@link ShareStats#renewed()}.
 *
 * <p><b>Cluster check.</b> Before subscribing, the consumer checks that the cluster has share groups
 * turned on ({@code share.version >= 1}, Kafka 4.2 or newer); if not it fails at once (state
 * {@link ConsumerState#FAILED}, {@link #failureCause()} an
 * {@link dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException} naming the feature, the release
 * it needs and the fix).
 *
 * <p><b>Threading.</b> The handler runs on up to {@code concurrency} workers at once (virtual
 * threads on Java 21+, otherwise a pool of platform threads) and must be thread-safe. Every call
 * on the kafka-clients share consumer, acknowledgements included, happens on the consumer's own
 * poll thread, {@code kafka-sdk-share-consumer-<name>-<n>-poll}. Every record of one poll is
 * acknowledged before the next poll, as explicit acknowledgement mode requires.
 *
 * <p><b>Lifecycle and ownership</b> follow {@link SdkClient}: built stopped, {@link #start()} begins,
 * {@link #close(Duration)} stops, waits for running handlers up to the timeout and releases the
 * kafka-clients consumer; serdes, meter registries and a dead-letter publisher passed in are not
 * closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.2
 */
public interface SdkShareConsumer<K, V> extends SdkClient {

    /**
     * A share consumer of {@code topics} running {@code handler}; exactly
     * {@code builder(settings, keySerde, valueSerde).subscribe(topics).recordHandler(handler).build()}.
     *
     * @param settings the share consumer's settings (group id, attempts, concurrency, ...)
     * @param keySerde reads keys; only its deserializer is used, and it is not closed
     * @param valueSerde reads values; only its deserializer is used, and it is not closed
     * @param topics the topics to subscribe to
     * @param handler processes one record; must be thread-safe
     * @param <K> the key type
     * @param <V> the value type
     * @return a stopped consumer
     * @throws IllegalArgumentException if the settings ask for implicit acknowledgement
     */
    static <K, V> SdkShareConsumer<K, V> create(
            ShareConsumerSettings settings,
            Serde<K> keySerde,
            Serde<V> valueSerde,
            List<String> topics,
            RecordHandler<K, V> handler) {
        return builder(settings, keySerde, valueSerde)
                .subscribe(topics.toArray(new String[0]))
                .recordHandler(handler)
                .build();
    }

    /**
     * Starts building a share consumer.
     *
     * @param settings the share consumer's settings
     * @param keySerde reads keys; not closed
     * @param valueSerde reads values; not closed
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder; not thread-safe
     */
    static <K, V> SdkShareConsumerBuilder<K, V> builder(
            ShareConsumerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        return new SdkShareConsumerBuilder<>(settings, keySerde, valueSerde, DefaultSdkShareConsumer::new);
    }

    /**
     * Starts the poll thread, which checks the cluster has share groups, sets the share group configs
     * the settings ask for, reads the lock duration and subscribes. Returns at once; a failure of
     * those steps shows in {@link #state()} and {@link #failureCause()}.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start();

    /** Asks the consumer to stop after the records of the current poll are acknowledged; returns at once. */
    void stop();

    /**
     * Waits until the poll thread has ended.
     *
     * @param timeout the longest wait
     * @return {@code true} if it ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** @return the lifecycle state */
    ConsumerState state();

    /** @return why the consumer failed, when its state is {@link ConsumerState#FAILED} */
    Optional<Throwable> failureCause();

    /** @return counts of deliveries and acknowledgements so far */
    ShareStats stats();
}
