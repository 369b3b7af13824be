package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.RetryTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Holds back retry-tier records that are not due yet, in front of the sequential or concurrent round.
 * A tier partition's records are in due order (one delay per tier), so at its first record that is
 * not due the partition is rewound to it and paused until its due time, and only the records before it
 * go on to the handler. The poll loop keeps polling meanwhile: other partitions flow and the member
 * stays in its group. Due times come from the records' headers, so nothing is remembered across
 * restarts. Poll thread only.
 */
final class RetryTierRounds implements RoundProcessor {

    private static final Duration TOPIC_SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final LoopContext<?, ?> ctx;
    private final RoundProcessor delegate;
    private final RetryTopics topics;
    private final Runnable atStart;

    RetryTierRounds(LoopContext<?, ?> ctx, RoundProcessor delegate, RetryTopics topics, Runnable atStart) {
        this.ctx = ctx;
        this.delegate = delegate;
        this.topics = topics;
        this.atStart = atStart;
    }

    /**
     * Puts the tier gate in front of a round and routes handler failures through the tiers.
     *
     * @param spec the consumer's spec, whose failure policy has retry topics
     * @param ctx the loop
     * @param rounds the sequential or concurrent round
     * @param resolver the failure resolver the rounds use
     * @param router the tiers' router
     * @return the gated round
     */
    static RoundProcessor of(
            ConsumerSpec<?, ?> spec,
            LoopContext<?, ?> ctx,
            RoundProcessor rounds,
            FailureResolver resolver,
            RetryTopicRouter router) {
        RetryTopics topics = router.topics();
        resolver.retryThrough(router);
        Runnable atStart = () -> RetryTierTopics.create(
                spec.kafkaProperties(),
                RetryTierTopics.mainTopics(spec.subscription(), topics),
                topics,
                TOPIC_SETUP_TIMEOUT,
                topics.createsTopics());
        return new RetryTierRounds(ctx, rounds, topics, atStart);
    }

    @Override
    public void begin() {
        atStart.run();
        delegate.begin();
    }

    @Override
    public void process(ConsumerRecords<byte[], byte[]> polled, long pollReturnedNanos) {
        delegate.process(dueOnly(polled), pollReturnedNanos);
    }

    @Override
    public void tick(long nowNanos) {
        delegate.tick(nowNanos);
    }

    private ConsumerRecords<byte[], byte[]> dueOnly(ConsumerRecords<byte[], byte[]> polled) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> kept = null;
        long nowMillis = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        for (TopicPartition partition : polled.partitions()) {
            if (topics.tierOf(partition.topic()).isEmpty()) {
                continue;
            }
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = records.get(i);
                long due = TierRecords.dueMillis(record);
                if (due > nowMillis) {
                    if (kept == null) {
                        kept = new HashMap<>();
                        for (TopicPartition p : polled.partitions()) {
                            kept.put(p, polled.records(p));
                        }
                    }
                    hold(partition, record, nowNanos + TimeUnit.MILLISECONDS.toNanos(due - nowMillis));
                    if (i == 0) {
                        kept.remove(partition);
                    } else {
                        kept.put(partition, records.subList(0, i));
                    }
                    break;
                }
            }
        }
        return kept == null ? polled : new ConsumerRecords<>(kept, polled.nextOffsets());
    }

    private void hold(TopicPartition partition, ConsumerRecord<byte[], byte[]> head, long dueNanos) {
        ctx.consumer.seek(partition, head.offset());
        ctx.retries.waitUntil(partition, dueNanos);
        ctx.pauses.pauseForRetry(partition);
    }
}
