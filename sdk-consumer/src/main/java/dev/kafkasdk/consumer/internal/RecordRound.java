package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.RecordHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link RecordHandler} over one poll's records. Poll thread only. */
final class RecordRound<K, V> implements RoundProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRound.class);

    private enum Outcome {
        COMPLETED,
        RETRY,
        ROLLBACK
    }

    private final LoopContext<K, V> ctx;
    private final RecordHandler<K, V> handler;

    RecordRound(LoopContext<K, V> ctx, RecordHandler<K, V> handler) {
        this.ctx = ctx;
        this.handler = handler;
    }

    @Override
    public void process(ConsumerRecords<byte[], byte[]> polled, long pollReturnedNanos) {
        boolean timed = ctx.budget.enabled() || ctx.metrics.enabled();
        long start = timed ? System.nanoTime() : 0L;
        int limit = ctx.budget.recordLimit();
        Map<TopicPartition, Long> roundStarts = ctx.transactional ? new HashMap<>() : null;
        int handled = 0;
        boolean began = false;
        boolean stop = false;
        boolean rolledBack = false;
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            int i = 0;
            if (!stop) {
                OffsetTracker.Progress progress = ctx.tracker.progress(partition);
                for (; i < records.size(); i++) {
                    if (handled >= limit
                            || ctx.abandon.getAsBoolean()
                            || ctx.budget.roundOver(handled, pollReturnedNanos)) {
                        stop = true;
                        break;
                    }
                    ConsumerRecord<byte[], byte[]> raw = records.get(i);
                    if (!ctx.windows.isEmpty() && ctx.windows.beyond(raw, partition)) {
                        ctx.windows.finish(partition);
                        ctx.pauses.pauseFinishedWindow(partition);
                        i = records.size();
                        break;
                    }
                    if (!began) {
                        ctx.commits.beginRound();
                        began = true;
                    }
                    if (roundStarts != null) {
                        roundStarts.putIfAbsent(partition, raw.offset());
                    }
                    Outcome outcome = handle(raw, partition);
                    if (outcome == Outcome.COMPLETED) {
                        ctx.tracker.complete(progress, raw.offset(), raw.leaderEpoch());
                        handled++;
                        ctx.commits.unitCompleted();
                    } else if (outcome == Outcome.RETRY) {
                        break;
                    } else {
                        stop = true;
                        rolledBack = true;
                        break;
                    }
                }
            }
            if (i < records.size() && !(rolledBack && roundStarts.containsKey(partition))) {
                ctx.consumer.seek(partition, records.get(i).offset());
            }
        }
        if (rolledBack) {
            ctx.rollback(roundStarts);
            handled = 0;
        } else {
            endRound(roundStarts);
        }
        if (handled > 0) {
            ctx.metrics.processed(handled);
        }
        if (timed && handled > 0) {
            long now = System.nanoTime();
            ctx.metrics.handlerTime(now - start);
            ctx.budget.roundFinished(handled, now - start, now - pollReturnedNanos);
        }
    }

    private void endRound(Map<TopicPartition, Long> roundStarts) {
        if (!ctx.transactional) {
            ctx.commits.endRound();
            return;
        }
        try {
            ctx.commits.endRound();
        } catch (RuntimeException e) {
            LOG.warn("Transaction commit failed ({}); aborting and rewinding {}", e.toString(), roundStarts.keySet());
            ctx.commits.roundFailed();
            ctx.rollback(roundStarts);
            RoundFailures.transactionFailed(ctx, roundStarts, e);
        }
    }

    private Outcome handle(ConsumerRecord<byte[], byte[]> raw, TopicPartition partition) {
        if (!ctx.retries.isEmpty() && ctx.retries.isResolved(partition, raw.offset())) {
            return Outcome.COMPLETED;
        }
        ConsumerRecord<K, V> record;
        try {
            record = ctx.decoder.decode(raw);
        } catch (RecordDecoder.DecodeException e) {
            ctx.resolver.giveUp(List.of(raw), DeadLetter.Reason.DESERIALIZATION, e, ctx.poisonAction);
            if (ctx.transactional) {
                ctx.retries.markResolved(partition, raw.offset());
            }
            return Outcome.COMPLETED;
        }
        try {
            handler.handle(record);
        } catch (Exception e) {
            return failed(raw, partition, e);
        }
        if (!ctx.retries.isEmpty()) {
            ctx.retries.succeeded(partition, raw.offset());
        }
        return Outcome.COMPLETED;
    }

    private Outcome failed(ConsumerRecord<byte[], byte[]> raw, TopicPartition partition, Exception error) {
        boolean rolledBack = ctx.transactional && ctx.commits.roundFailed();
        RetryTracker.Decision decision = ctx.retries.failed(Map.of(partition, raw.offset()), error, System.nanoTime());
        if (decision.exhausted()) {
            ctx.resolver.giveUp(List.of(raw), DeadLetter.Reason.HANDLER, error, ctx.exhaustedAction);
            if (rolledBack) {
                ctx.retries.markResolved(partition, raw.offset());
                return Outcome.ROLLBACK;
            }
            return Outcome.COMPLETED;
        }
        if (ctx.stopping.getAsBoolean()) {
            LOG.info(
                    "Handler failed on {}-{}@{} while the consumer stops: {}; not retried, it stays uncommitted "
                            + "and is read again on the next start",
                    raw.topic(),
                    raw.partition(),
                    raw.offset(),
                    error.toString());
        } else {
            ctx.metrics.retryScheduled();
            LOG.warn(
                    "Handler failed on {}-{}@{} (attempt {}): {}; retrying in {} ms",
                    raw.topic(),
                    raw.partition(),
                    raw.offset(),
                    decision.attempt(),
                    error.toString(),
                    decision.delayMillis());
        }
        ctx.pauses.pauseForRetry(partition);
        return rolledBack ? Outcome.ROLLBACK : Outcome.RETRY;
    }
}
