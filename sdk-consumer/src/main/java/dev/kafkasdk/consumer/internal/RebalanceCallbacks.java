package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.core.KafkaSdkException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's {@link ConsumerRebalanceListener}, also used after {@code assign()}. Runs on the
 * poll thread, inside {@code poll()}, between rounds: no handler call is in flight.
 *
 * <p>Revoked: commit what completed for the partitions, then forget their progress, retries, windows
 * and lag. Lost: forget without committing. Assigned: seek each new partition to its stored offset
 * ({@link CommitMode.External}) or its {@link StartPositionStrategy} position.
 */
final class RebalanceCallbacks implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceCallbacks.class);

    private final LoopContext<?, ?> ctx;
    private final PositionApplier positions;
    private final OffsetStore store;
    private final StartPositionStrategy strategy;
    private final StateMachine state;
    private final String clientId;

    RebalanceCallbacks(
            LoopContext<?, ?> ctx,
            PositionApplier positions,
            OffsetStore store,
            StartPositionStrategy strategy,
            StateMachine state,
            String clientId) {
        this.ctx = ctx;
        this.positions = positions;
        this.store = store;
        this.strategy = strategy;
        this.state = state;
        this.clientId = clientId;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        state.rebalancing();
        state.health().revoked(partitions, true);
        ctx.metrics.rebalance("revoked");
        LOG.info("Partitions revoked: {}", partitions);
        try {
            ctx.commits.onRevoked(partitions);
        } finally {
            forget(partitions);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        state.rebalancing();
        state.health().revoked(partitions, false);
        ctx.metrics.rebalance("lost");
        LOG.warn("Partitions lost (nothing committed for them): {}", partitions);
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            ctx.metrics.rebalance("assigned");
            LOG.info("Partitions assigned: {}", partitions);
            position(partitions);
            ctx.commits.onAssigned(partitions);
            ctx.pauses.onAssigned(partitions);
        }
        state.health().assigned(partitions, true);
        state.assigned(ctx.pauses.userPaused());
    }

    /**
     * Sets the start position of newly assigned partitions.
     *
     * @param partitions the partitions
     */
    void position(Collection<TopicPartition> partitions) {
        Set<TopicPartition> remaining = new HashSet<>(partitions);
        Map<TopicPartition, StartPosition> chosen = new HashMap<>();
        if (store != null) {
            Map<TopicPartition, Long> stored = loadStored(remaining);
            stored.forEach((partition, offset) -> {
                if (remaining.remove(partition) && offset != null) {
                    chosen.put(partition, StartPosition.offset(offset));
                }
            });
        }
        for (TopicPartition partition : remaining) {
            chosen.put(partition, strategy.positionFor(partition));
        }
        positions.apply(chosen);
    }

    /**
     * Applies explicit positions (a user seek).
     *
     * @param chosen the positions
     */
    void apply(Map<TopicPartition, StartPosition> chosen) {
        positions.apply(chosen);
    }

    private Map<TopicPartition, Long> loadStored(Set<TopicPartition> partitions) {
        try {
            Map<TopicPartition, Long> stored = store.load(Set.copyOf(partitions));
            return stored == null ? Map.of() : stored;
        } catch (Exception e) {
            throw KafkaSdkException.builder("Cannot load stored offsets for " + partitions
                            + " from the OffsetStore; refusing to read from an unknown position")
                    .clientId(clientId)
                    .cause(e)
                    .fatal();
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        if (ctx.work != null) {
            ctx.work.forget(partitions);
        }
        ctx.tracker.forget(partitions);
        ctx.retries.forget(partitions);
        ctx.windows.forget(partitions);
        ctx.pauses.forget(partitions);
        for (TopicPartition partition : partitions) {
            ctx.metrics.removeLag(partition);
        }
    }

    /** Whether a state change is pending; used by the loop to leave {@link ConsumerState#REBALANCING}. */
    boolean rebalancing() {
        return state.current() == ConsumerState.REBALANCING;
    }
}
