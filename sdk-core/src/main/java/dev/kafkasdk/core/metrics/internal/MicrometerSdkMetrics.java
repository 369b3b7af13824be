package dev.kafkasdk.core.metrics.internal;

import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@link SdkMetrics} over a Micrometer registry it does not own. Thread-safe: Micrometer
 * registries are. Not part of the API.
 */
public final class MicrometerSdkMetrics implements SdkMetrics {

    private final MeterRegistry registry;
    private final Tags commonTags;

    /**
     * Creates the metrics.
     *
     * @param registry   the caller's registry, never closed here
     * @param commonTags tags for every meter
     */
    public MicrometerSdkMetrics(MeterRegistry registry, Tags commonTags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commonTags = Objects.requireNonNull(commonTags, "commonTags");
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public Timer timer(String name, String... tags) {
        return Timer.builder(name(name)).tags(tags(tags)).register(registry);
    }

    @Override
    public Counter counter(String name, String... tags) {
        return Counter.builder(name(name)).tags(tags(tags)).register(registry);
    }

    @Override
    public DistributionSummary summary(String name, String... tags) {
        return DistributionSummary.builder(name(name)).tags(tags(tags)).register(registry);
    }

    @Override
    public Binding bindClientMetrics(Producer<?, ?> producer) {
        return bind(new KafkaClientMetrics(producer, commonTags));
    }

    @Override
    public Binding bindClientMetrics(Consumer<?, ?> consumer) {
        return bind(new KafkaClientMetrics(consumer, commonTags));
    }

    @Override
    public Binding bindClientMetrics(Admin admin) {
        if (!(admin instanceof AdminClient client)) {
            throw new IllegalArgumentException("Micrometer's KafkaClientMetrics needs an AdminClient (as returned by "
                    + "Admin.create), not " + admin.getClass().getName());
        }
        return bind(new KafkaClientMetrics(client, commonTags));
    }

    private Binding bind(KafkaClientMetrics binder) {
        binder.bindTo(registry);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                binder.close();
            }
        };
    }

    private static String name(String name) {
        Objects.requireNonNull(name, "name");
        return name.startsWith(PREFIX) ? name : PREFIX + name;
    }

    private Tags tags(String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags must be key/value pairs, got " + tags.length + " strings");
        }
        return commonTags.and(tags);
    }
}
