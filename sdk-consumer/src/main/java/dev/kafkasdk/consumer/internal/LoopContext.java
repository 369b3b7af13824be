package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.FailureAction;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The poll thread's collaborators, shared by the loop, the rounds and the rebalance callbacks. */
final class LoopContext<K, V> {

    final Consumer<byte[], byte[]> consumer;
    final RecordDecoder<K, V> decoder;
    final OffsetTracker tracker;
    final RetryTracker retries;
    /** Replaced by the watermark commits in concurrent modes, before the loop starts. */
    CommitStrategy commits;

    final boolean transactional;
    final PauseManager pauses;
    final WindowTracker windows;
    final FailureResolver resolver;
    final FailureAction poisonAction;
    final FailureAction exhaustedAction;
    final PollBudget budget;
    final ConsumerMetrics metrics;
    final BooleanSupplier abandon;
    /** Whether a stop was requested: a retry scheduled now would never run. */
    BooleanSupplier stopping = () -> false;
    /** The concurrent modes' engine, or {@code null} for the sequential loop. */
    ConcurrentWork<K, V> work;

    LoopContext(
            Consumer<byte[], byte[]> consumer,
            RecordDecoder<K, V> decoder,
            OffsetTracker tracker,
            RetryTracker retries,
            CommitStrategy commits,
            boolean transactional,
            PauseManager pauses,
            WindowTracker windows,
            FailureResolver resolver,
            FailureAction poisonAction,
            FailureAction exhaustedAction,
            PollBudget budget,
            ConsumerMetrics metrics,
            BooleanSupplier abandon) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.tracker = tracker;
        this.retries = retries;
        this.commits = commits;
        this.transactional = transactional;
        this.pauses = pauses;
        this.windows = windows;
        this.resolver = resolver;
        this.poisonAction = poisonAction;
        this.exhaustedAction = exhaustedAction;
        this.budget = budget;
        this.metrics = metrics;
        this.abandon = abandon;
    }

    /**
     * Rewinds partitions after an aborted transaction: positions and completed offsets go back to
     * where the round started.
     *
     * @param starts each partition's first offset in the round
     */
    void rollback(Map<TopicPartition, Long> starts) {
        starts.forEach((partition, offset) -> {
            consumer.seek(partition, offset);
            tracker.rollback(partition, offset);
        });
    }
}
