package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link ConsumerMetrics} on a Micrometer registry. Meter names start with {@code kafka.sdk.consumer}.
 *
 * <p>Committed-offset lag is a gauge per partition for the first {@code maxTaggedPartitions}
 * partitions seen at a time; lag of any further partition is summed into one gauge tagged
 * {@code partition=other}, which bounds the tag cardinality. The registry is not closed.
 */
public final class MicrometerConsumerMetrics implements ConsumerMetrics {

    static final String PREFIX = "kafka.sdk.consumer.";
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Tags tags;
    private final int maxTaggedPartitions;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter processed;
    private final Timer handlerTime;
    private final Timer commitLatency;
    private final Counter commitFailures;
    private final Counter deadLetteredDeserialization;
    private final Counter deadLetteredHandler;
    private final Counter skipped;
    private final Counter retries;
    private final Counter budgetWarnings;
    private final Map<String, Counter> rebalances = new HashMap<>();
    private final Map<TopicPartition, AtomicLong> taggedLag = new HashMap<>();
    private final Map<TopicPartition, Gauge> taggedGauges = new HashMap<>();
    private final Map<TopicPartition, Long> otherLag = new HashMap<>();
    private final AtomicLong otherLagSum = new AtomicLong();

    /**
     * Registers the meters.
     *
     * @param registry the registry, not closed by this class
     * @param tags common tags, e.g. the client id
     * @param maxTaggedPartitions how many partitions get their own lag gauge
     */
    public MicrometerConsumerMetrics(MeterRegistry registry, Tags tags, int maxTaggedPartitions) {
        this.registry = registry;
        this.tags = tags;
        this.maxTaggedPartitions = maxTaggedPartitions;
        this.processed = keep(Counter.builder(PREFIX + "records.processed")
                .description("Records the handler completed (including dead-lettered and skipped ones)")
                .tags(tags)
                .register(registry));
        this.handlerTime = keep(Timer.builder(PREFIX + "handler.time")
                .description("Time spent in the handler per poll round")
                .tags(tags)
                .register(registry));
        this.commitLatency = keep(Timer.builder(PREFIX + "commit.latency")
                .description("Latency of successful offset commits")
                .tags(tags)
                .register(registry));
        this.commitFailures = keep(Counter.builder(PREFIX + "commit.failures")
                .description("Offset commits that failed")
                .tags(tags)
                .register(registry));
        this.deadLetteredDeserialization = keep(deadLetterCounter(DeadLetter.Reason.DESERIALIZATION));
        this.deadLetteredHandler = keep(deadLetterCounter(DeadLetter.Reason.HANDLER));
        this.skipped = keep(Counter.builder(PREFIX + "records.skipped")
                .description("Records given up on and skipped by policy")
                .tags(tags)
                .register(registry));
        this.retries = keep(Counter.builder(PREFIX + "handler.retries")
                .description("Handler retries scheduled after a failure")
                .tags(tags)
                .register(registry));
        this.budgetWarnings = keep(Counter.builder(PREFIX + "poll.budget.warnings")
                .description("Poll rounds that used more than their share of max.poll.interval.ms")
                .tags(tags)
                .register(registry));
        keep(Gauge.builder(PREFIX + "committed.lag", otherLagSum, AtomicLong::get)
                .description("End offset minus committed offset")
                .tags(tags.and("topic", OTHER, "partition", OTHER))
                .register(registry));
        for (String kind : List.of("assigned", "revoked", "lost")) {
            rebalances.put(
                    kind,
                    keep(Counter.builder(PREFIX + "rebalances")
                            .description("Rebalance callbacks by kind")
                            .tags(tags.and("kind", kind))
                            .register(registry)));
        }
    }

    private Counter deadLetterCounter(DeadLetter.Reason reason) {
        return Counter.builder(PREFIX + "records.dead.lettered")
                .description("Records published to a dead-letter topic")
                .tags(tags.and("reason", reason.name().toLowerCase(java.util.Locale.ROOT)))
                .register(registry);
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void processed(int records) {
        processed.increment(records);
    }

    @Override
    public void handlerTime(long nanos) {
        handlerTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void commitLatency(long nanos) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void commitFailed() {
        commitFailures.increment();
    }

    @Override
    public void deadLettered(DeadLetter.Reason reason) {
        (reason == DeadLetter.Reason.DESERIALIZATION ? deadLetteredDeserialization : deadLetteredHandler).increment();
    }

    @Override
    public void skipped() {
        skipped.increment();
    }

    @Override
    public void retryScheduled() {
        retries.increment();
    }

    @Override
    public void rebalance(String kind) {
        Counter counter = rebalances.get(kind);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void pollBudgetWarning() {
        budgetWarnings.increment();
    }

    @Override
    public synchronized void committedLag(TopicPartition partition, long lag) {
        AtomicLong tagged = taggedLag.get(partition);
        if (tagged != null) {
            tagged.set(lag);
            return;
        }
        if (!otherLag.containsKey(partition) && taggedLag.size() < maxTaggedPartitions) {
            AtomicLong holder = new AtomicLong(lag);
            taggedLag.put(partition, holder);
            taggedGauges.put(
                    partition,
                    Gauge.builder(PREFIX + "committed.lag", holder, AtomicLong::get)
                            .description("End offset minus committed offset")
                            .tags(tags.and(
                                    "topic", partition.topic(), "partition", Integer.toString(partition.partition())))
                            .register(registry));
            return;
        }
        Long previous = otherLag.put(partition, lag);
        otherLagSum.addAndGet(lag - (previous == null ? 0 : previous));
    }

    @Override
    public synchronized void removeLag(TopicPartition partition) {
        if (taggedLag.remove(partition) != null) {
            registry.remove(taggedGauges.remove(partition));
        }
        Long previous = otherLag.remove(partition);
        if (previous != null) {
            otherLagSum.addAndGet(-previous);
        }
    }

    @Override
    public synchronized void close() {
        for (Gauge gauge : taggedGauges.values()) {
            registry.remove(gauge);
        }
        taggedGauges.clear();
        taggedLag.clear();
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
