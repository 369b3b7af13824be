package dev.kafkasdk.core.metrics;

import dev.kafkasdk.core.metrics.internal.MicrometerSdkMetrics;
import dev.kafkasdk.core.metrics.internal.NoopSdkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The SDK's metrics: a thin facade over an optional Micrometer {@link MeterRegistry}. Every
 * meter name gets the prefix {@value #PREFIX} and the common tags. {@link #noop()} costs
 * nothing: it has no registry and creates no meters.
 *
 * <p>Ownership: the registry belongs to the caller. The SDK never closes it, not even when a
 * client or binding is closed. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface SdkMetrics {

    /** The prefix of every SDK meter name. */
    String PREFIX = "kafka.sdk.";

    /**
     * Metrics that record nothing. The meters it returns are shared no-op instances.
     *
     * @return the shared no-op instance
     */
    static SdkMetrics noop() {
        return NoopSdkMetrics.INSTANCE;
    }

    /**
     * Metrics recorded into a registry.
     *
     * @param registry   the registry; the caller keeps owning it and the SDK never closes it
     * @param commonTags tags added to every meter, including bound kafka-clients metrics
     * @return the metrics
     */
    static SdkMetrics of(MeterRegistry registry, Tags commonTags) {
        return new MicrometerSdkMetrics(registry, commonTags);
    }

    /**
     * Metrics recorded into a registry, without common tags.
     *
     * @param registry the registry; the caller keeps owning it and the SDK never closes it
     * @return the metrics
     */
    static SdkMetrics of(MeterRegistry registry) {
        return of(registry, Tags.empty());
    }

    /**
     * Tells whether anything is recorded.
     *
     * @return {@code false} for {@link #noop()}
     */
    boolean isEnabled();

    /**
     * A timer named {@code kafka.sdk.<name>}, registered on first use and reused afterwards.
     *
     * @param name the name without prefix, e.g. {@code send.latency}
     * @param tags extra tags as key/value pairs
     * @return the timer
     * @throws IllegalArgumentException if {@code tags} has an odd length
     */
    Timer timer(String name, String... tags);

    /**
     * A counter named {@code kafka.sdk.<name>}.
     *
     * @param name the name without prefix
     * @param tags extra tags as key/value pairs
     * @return the counter
     * @throws IllegalArgumentException if {@code tags} has an odd length
     */
    Counter counter(String name, String... tags);

    /**
     * A distribution summary named {@code kafka.sdk.<name>}.
     *
     * @param name the name without prefix
     * @param tags extra tags as key/value pairs
     * @return the summary
     * @throws IllegalArgumentException if {@code tags} has an odd length
     */
    DistributionSummary summary(String name, String... tags);

    /**
     * Publishes a producer's own kafka-clients metrics through Micrometer's
     * {@code KafkaClientMetrics} binder (which polls them on a thread of its own).
     *
     * @param producer the producer; the caller keeps owning it
     * @return a binding whose {@code close()} removes the meters and stops the binder's thread;
     *         it closes neither the producer nor the registry
     */
    Binding bindClientMetrics(Producer<?, ?> producer);

    /**
     * Publishes a consumer's kafka-clients metrics; see {@link #bindClientMetrics(Producer)}.
     *
     * @param consumer the consumer; the caller keeps owning it
     * @return the binding
     */
    Binding bindClientMetrics(Consumer<?, ?> consumer);

    /**
     * Publishes an admin client's kafka-clients metrics; see {@link #bindClientMetrics(Producer)}.
     *
     * @param admin the admin client, as created by {@code Admin.create}; the caller keeps owning it
     * @return the binding
     * @throws IllegalArgumentException if the client is not an {@code AdminClient} (Micrometer's
     *                                  binder only accepts that class)
     */
    Binding bindClientMetrics(Admin admin);

    /**
     * A metrics binding that can be closed without a checked exception. Closing twice is harmless.
     */
    interface Binding extends AutoCloseable {
        /** Removes the bound meters and stops polling. Never closes the client or the registry. */
        @Override
        void close();
    }
}
