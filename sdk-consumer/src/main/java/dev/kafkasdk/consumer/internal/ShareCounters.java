package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ShareStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The share consumer's outcome counts, and their Micrometer counters when a registry is given
 * ({@code kafka.sdk.share.acknowledgements} by {@code type}: accept, release, reject, dead-letter, renew; {@code kafka.sdk.share.deliveries} by
 * {@code redelivery}). Thread-safe.
 */
final class ShareCounters {

    static final String ACKNOWLEDGEMENTS = "kafka.sdk.share.acknowledgements";
    static final String DELIVERIES = "kafka.sdk.share.deliveries";

    private final LongAdder delivered = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder released = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder renewed = new LongAdder();
    private final @Nullable Counter[] meters;

    ShareCounters(@Nullable MeterRegistry registry, Tags tags, String clientId) {
        if (registry == null) {
            meters = null;
            return;
        }
        Tags base = tags.and("client.id", clientId);
        meters = new Counter[] {
            ack(registry, base, "accept"),
            ack(registry, base, "release"),
            ack(registry, base, "reject"),
            ack(registry, base, "dead-letter"),
            Counter.builder(DELIVERIES)
                    .description("records delivered to the share consumer")
                    .tags(base.and("redelivery", "false"))
                    .register(registry),
            Counter.builder(DELIVERIES)
                    .description("records delivered to the share consumer")
                    .tags(base.and("redelivery", "true"))
                    .register(registry),
            ack(registry, base, "renew")
        };
    }

    private static Counter ack(MeterRegistry registry, Tags base, String type) {
        return Counter.builder(ACKNOWLEDGEMENTS)
                .description("share consumer acknowledgements by type")
                .tags(base.and("type", type))
                .register(registry);
    }

    void delivered(boolean redelivery) {
        delivered.increment();
        if (redelivery) {
            redelivered.increment();
        }
        count(redelivery ? 5 : 4);
    }

    void accepted() {
        accepted.increment();
        count(0);
    }

    void released() {
        released.increment();
        count(1);
    }

    void rejected() {
        rejected.increment();
        count(2);
    }

    void deadLettered() {
        deadLettered.increment();
        count(3);
    }

    void renewed() {
        renewed.increment();
        count(6);
    }

    private void count(int meter) {
        if (meters != null) {
            meters[meter].increment();
        }
    }

    ShareStats snapshot() {
        return new ShareStats(
                delivered.sum(),
                accepted.sum(),
                released.sum(),
                rejected.sum(),
                deadLettered.sum(),
                redelivered.sum(),
                renewed.sum());
    }
}
