package dev.kafkasdk.consumer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * The meters of the concurrent modes, named {@code kafka.sdk.consumer.concurrent.*}: records running
 * ({@code in.flight}), taken and waiting ({@code queued}, and {@code partition.queued} for at most
 * {@code maxTaggedPartitions} partitions), completed beyond the watermarks, the wait of
 * a ready record for a worker ({@code key.wait}), back-pressure pauses, abandoned records and records
 * skipped because a previous owner completed them. Handler time, processed records and retries go to
 * the consumer's usual meters. Thread-safe; without a registry only the usual meters are fed.
 */
final class ConcurrencyMeters {

    private static final String PREFIX = "kafka.sdk.consumer.concurrent.";

    private final ConsumerMetrics metrics;
    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer keyWait;
    private final Counter pauses;
    private final Counter abandoned;
    private final Counter skipped;
    private final int maxTaggedPartitions;
    private final Map<TopicPartition, Gauge> partitionQueues = new HashMap<>();

    ConcurrencyMeters(ConsumerMetrics metrics, MeterRegistry registry, Tags tags, int maxTaggedPartitions) {
        this.metrics = metrics;
        this.registry = registry;
        this.tags = tags;
        this.maxTaggedPartitions = maxTaggedPartitions;
        if (registry == null) {
            keyWait = null;
            pauses = null;
            abandoned = null;
            skipped = null;
            return;
        }
        keyWait = keep(Timer.builder(PREFIX + "key.wait")
                .description("Time a ready record waited for a worker")
                .tags(tags)
                .register(registry));
        pauses = keep(Counter.builder(PREFIX + "pauses")
                .description("Partitions paused because their queue was full "
                        + "or the commit metadata could not describe more")
                .tags(tags)
                .register(registry));
        abandoned = keep(Counter.builder(PREFIX + "abandoned")
                .description("Running records given up on revoke or " + "close; delivered again")
                .tags(tags)
                .register(registry));
        skipped = keep(Counter.builder(PREFIX + "skipped.completed")
                .description("Records skipped because the " + "commit metadata says a previous owner completed them")
                .tags(tags)
                .register(registry));
    }

    void bind(ConcurrentWork<?, ?> work) {
        if (registry == null) {
            return;
        }
        keep(Gauge.builder(PREFIX + "in.flight", work, ConcurrentWork::running)
                .tags(tags)
                .register(registry));
        keep(Gauge.builder(PREFIX + "queued", work, w -> w.queued()).tags(tags).register(registry));
        keep(Gauge.builder(PREFIX + "completed.beyond.watermark", work, w -> w.completedBeyondWatermarks())
                .tags(tags)
                .register(registry));
    }

    /**
     * Adds the per-partition queue gauge ({@code queued} with a {@code partition} tag) while fewer than
     * the tag cap have one; the untagged total covers the rest.
     */
    synchronized void partitionAdded(TopicPartition partition, ConcurrentWork<?, ?> work) {
        if (registry == null
                || partitionQueues.containsKey(partition)
                || partitionQueues.size() >= maxTaggedPartitions) {
            return;
        }
        partitionQueues.put(
                partition,
                Gauge.builder(PREFIX + "partition.queued", work, w -> w.queued(partition))
                        .description("Records of the partition taken and not running yet")
                        .tags(tags)
                        .tag("topic", partition.topic())
                        .tag("partition", Integer.toString(partition.partition()))
                        .register(registry));
    }

    synchronized void partitionRemoved(TopicPartition partition) {
        Gauge gauge = partitionQueues.remove(partition);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    void waited(long nanos) {
        if (keyWait != null) {
            keyWait.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void handled(long nanos) {
        if (metrics.enabled()) {
            metrics.processed(1);
            metrics.handlerTime(nanos);
        }
    }

    void retryScheduled() {
        metrics.retryScheduled();
    }

    void paused(int partitions) {
        if (pauses != null) {
            pauses.increment(partitions);
        }
    }

    void abandoned(long records) {
        if (abandoned != null) {
            abandoned.increment(records);
        }
    }

    void skippedAsCompleted() {
        if (skipped != null) {
            skipped.increment();
        }
    }

    synchronized void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
            partitionQueues.values().forEach(registry::remove);
            partitionQueues.clear();
        }
    }
}
