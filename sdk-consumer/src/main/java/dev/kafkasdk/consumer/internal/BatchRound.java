package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.BatchHandler;
import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.core.internal.Plurals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link BatchHandler} over (part of) one poll's records. Poll thread only. */
final class BatchRound<K, V> implements RoundProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRound.class);

    private final LoopContext<K, V> ctx;
    private final BatchHandler<K, V> handler;

    BatchRound(LoopContext<K, V> ctx, BatchHandler<K, V> handler) {
        this.ctx = ctx;
        this.handler = handler;
    }

    @Override
    public void process(ConsumerRecords<byte[], byte[]> polled, long pollReturnedNanos) {
        boolean timed = ctx.budget.enabled() || ctx.metrics.enabled();
        long start = timed ? System.nanoTime() : 0L;
        Map<TopicPartition, Long> heads = new LinkedHashMap<>();
        Map<TopicPartition, ConsumerRecord<byte[], byte[]>> lasts = new LinkedHashMap<>();
        List<ConsumerRecord<byte[], byte[]>> taken = take(polled, heads, lasts);
        if (taken.isEmpty()) {
            ctx.commits.endRound();
            return;
        }
        // byte arrays for a handler of byte arrays, nothing to skip: hand over the taken list itself
        boolean identity = ctx.decoder.isPassThrough() && ctx.retries.isEmpty();
        List<ConsumerRecord<K, V>> typed = identity ? passThrough(taken) : new ArrayList<>(taken.size());
        List<ConsumerRecord<byte[], byte[]>> poison = new ArrayList<>(0);
        List<RuntimeException> poisonCauses = new ArrayList<>(0);
        for (int r = identity ? taken.size() : 0; r < taken.size(); r++) {
            ConsumerRecord<byte[], byte[]> raw = taken.get(r);
            if (!ctx.retries.isEmpty() && isResolved(raw)) {
                continue;
            }
            try {
                typed.add(ctx.decoder.decode(raw));
            } catch (RecordDecoder.DecodeException e) {
                poison.add(raw);
                poisonCauses.add(e);
            }
        }
        ctx.commits.beginRound();
        if (!typed.isEmpty()) {
            try {
                handler.handle(new DefaultConsumerBatch<>(typed));
            } catch (Exception e) {
                failed(taken, typed.size(), heads, lasts, poison, poisonCauses, e);
                return;
            }
        }
        for (int i = 0; i < poison.size(); i++) {
            ctx.resolver.giveUp(
                    List.of(poison.get(i)), DeadLetter.Reason.DESERIALIZATION, poisonCauses.get(i), ctx.poisonAction);
        }
        complete(lasts);
        ctx.commits.unitCompleted();
        endRound(heads);
        ctx.metrics.processed(taken.size());
        if (timed) {
            long now = System.nanoTime();
            ctx.metrics.handlerTime(now - start);
            ctx.budget.roundFinished(taken.size(), now - start, now - pollReturnedNanos);
        }
    }

    /** Byte-array records for a handler of byte arrays: the taken list itself, no copy. */
    @SuppressWarnings("unchecked")
    private static <K, V> List<ConsumerRecord<K, V>> passThrough(List<ConsumerRecord<byte[], byte[]>> taken) {
        return (List<ConsumerRecord<K, V>>) (List<?>) taken;
    }

    private boolean isResolved(ConsumerRecord<byte[], byte[]> raw) {
        return ctx.retries.isResolved(new TopicPartition(raw.topic(), raw.partition()), raw.offset());
    }

    private List<ConsumerRecord<byte[], byte[]>> take(
            ConsumerRecords<byte[], byte[]> polled,
            Map<TopicPartition, Long> heads,
            Map<TopicPartition, ConsumerRecord<byte[], byte[]>> lasts) {
        int limit = ctx.budget.recordLimit();
        List<ConsumerRecord<byte[], byte[]>> taken = new ArrayList<>(Math.min(limit, polled.count()));
        boolean abandon = ctx.abandon.getAsBoolean();
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            int i = 0;
            int first = taken.size();
            for (; i < records.size() && taken.size() < limit && !abandon; i++) {
                ConsumerRecord<byte[], byte[]> raw = records.get(i);
                if (!ctx.windows.isEmpty() && ctx.windows.beyond(raw, partition)) {
                    ctx.windows.finish(partition);
                    ctx.pauses.pauseFinishedWindow(partition);
                    i = records.size();
                    break;
                }
                taken.add(raw);
            }
            // the partition's first and last taken record, once per partition rather than per record
            if (taken.size() > first) {
                heads.put(partition, taken.get(first).offset());
                lasts.put(partition, taken.get(taken.size() - 1));
            }
            if (i < records.size()) {
                ctx.consumer.seek(partition, records.get(i).offset());
            }
        }
        return taken;
    }

    /** Completes a round: each partition's last taken record, which completes every record before it. */
    private void complete(Map<TopicPartition, ConsumerRecord<byte[], byte[]>> lasts) {
        lasts.forEach((partition, last) -> {
            ctx.tracker.complete(ctx.tracker.progress(partition), last.offset(), last.leaderEpoch());
            if (!ctx.retries.isEmpty()) {
                ctx.retries.succeeded(partition, last.offset());
            }
        });
    }

    private void endRound(Map<TopicPartition, Long> heads) {
        try {
            ctx.commits.endRound();
        } catch (RuntimeException e) {
            if (!ctx.transactional) {
                throw e;
            }
            LOG.warn("Transaction commit failed ({}); aborting and rewinding {}", e.toString(), heads.keySet());
            ctx.commits.roundFailed();
            ctx.rollback(heads);
            RoundFailures.transactionFailed(ctx, heads, e);
        }
    }

    private void failed(
            List<ConsumerRecord<byte[], byte[]>> taken,
            int handed,
            Map<TopicPartition, Long> heads,
            Map<TopicPartition, ConsumerRecord<byte[], byte[]>> lasts,
            List<ConsumerRecord<byte[], byte[]>> poison,
            List<RuntimeException> poisonCauses,
            Exception error) {
        boolean rolledBack = ctx.transactional && ctx.commits.roundFailed();
        RetryTracker.Decision decision = ctx.retries.failed(heads, error, System.nanoTime());
        if (!decision.exhausted()) {
            if (ctx.stopping.getAsBoolean()) {
                LOG.info(
                        "Batch handler failed on {} from {} while the consumer stops: {}; not retried, "
                                + "they stay uncommitted and are read again on the next start",
                        Plurals.count(handed, "record"),
                        heads,
                        error.toString());
            } else {
                ctx.metrics.retryScheduled();
                LOG.warn(
                        "Batch handler failed on {} from {} (attempt {}): {}; retrying in {} ms",
                        Plurals.count(handed, "record"),
                        heads,
                        decision.attempt(),
                        error.toString(),
                        decision.delayMillis());
            }
            heads.forEach((partition, offset) -> {
                ctx.consumer.seek(partition, offset);
                ctx.pauses.pauseForRetry(partition);
            });
            if (rolledBack) {
                ctx.rollback(heads);
            }
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> handlerFailed = new ArrayList<>(taken);
        handlerFailed.removeAll(poison);
        handlerFailed.removeIf(raw -> !ctx.retries.isEmpty() && isResolved(raw));
        if (!handlerFailed.isEmpty()) {
            ctx.resolver.giveUp(handlerFailed, DeadLetter.Reason.HANDLER, error, ctx.exhaustedAction);
        }
        for (int i = 0; i < poison.size(); i++) {
            ctx.resolver.giveUp(
                    List.of(poison.get(i)), DeadLetter.Reason.DESERIALIZATION, poisonCauses.get(i), ctx.poisonAction);
        }
        if (rolledBack) {
            for (ConsumerRecord<byte[], byte[]> raw : taken) {
                ctx.retries.markResolved(new TopicPartition(raw.topic(), raw.partition()), raw.offset());
            }
            ctx.rollback(heads);
            return;
        }
        complete(lasts);
        ctx.metrics.processed(taken.size());
        ctx.commits.endRound();
    }
}
