package dev.kafkasdk.core.metrics.internal;

import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopDistributionSummary;
import io.micrometer.core.instrument.noop.NoopTimer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@link SdkMetrics} that records nothing and allocates nothing per call. Not part of the API.
 */
public final class NoopSdkMetrics implements SdkMetrics {

    /** The single instance. */
    public static final NoopSdkMetrics INSTANCE = new NoopSdkMetrics();

    private static final Timer TIMER = new NoopTimer(id(Meter.Type.TIMER));
    private static final Counter COUNTER = new NoopCounter(id(Meter.Type.COUNTER));
    private static final DistributionSummary SUMMARY = new NoopDistributionSummary(id(Meter.Type.DISTRIBUTION_SUMMARY));
    private static final Binding NO_BINDING = () -> {};

    private NoopSdkMetrics() {}

    private static Meter.Id id(Meter.Type type) {
        return new Meter.Id(PREFIX + "noop", Tags.empty(), null, null, type);
    }

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public Timer timer(String name, String... tags) {
        return TIMER;
    }

    @Override
    public Counter counter(String name, String... tags) {
        return COUNTER;
    }

    @Override
    public DistributionSummary summary(String name, String... tags) {
        return SUMMARY;
    }

    @Override
    public Binding bindClientMetrics(Producer<?, ?> producer) {
        return NO_BINDING;
    }

    @Override
    public Binding bindClientMetrics(Consumer<?, ?> consumer) {
        return NO_BINDING;
    }

    @Override
    public Binding bindClientMetrics(Admin admin) {
        return NO_BINDING;
    }
}
