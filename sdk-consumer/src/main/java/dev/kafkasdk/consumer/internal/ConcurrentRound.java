package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The poll thread's side of the concurrent modes: hands each poll's records to the
 * {@link ConcurrentWork} and, after every poll, stops on a fatal handler failure, pauses the
 * partitions that are full and resumes the drained ones, and lets the watermark commits run. It never
 * runs the handler, so the poll thread keeps polling however slow the handler is.
 */
final class ConcurrentRound implements RoundProcessor {

    /** The longest poll while some partitions are paused for back-pressure and others are not. */
    private static final long PAUSED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final LoopContext<?, ?> ctx;
    private final ConcurrentWork<?, ?> work;
    private final ConcurrencyMeters meters;
    private final String clientId;
    private final IntSupplier metadataLimit;

    ConcurrentRound(
            LoopContext<?, ?> ctx,
            ConcurrentWork<?, ?> work,
            ConcurrencyMeters meters,
            String clientId,
            IntSupplier metadataLimit) {
        this.ctx = ctx;
        this.metadataLimit = metadataLimit;
        this.work = work;
        this.meters = meters;
        this.clientId = clientId;
    }

    /** Reads the broker's commit metadata limit before anything is taken. */
    @Override
    public void begin() {
        work.metadataLimit(metadataLimit.getAsInt());
    }

    @Override
    public void process(ConsumerRecords<byte[], byte[]> polled, long pollReturnedNanos) {
        work.take(polled);
    }

    /**
     * Keeps the poll short enough for the next watermark commit to be on time, and for partitions
     * paused by back-pressure to resume soon after they have room. While back-pressure pauses every
     * assigned partition a poll would return nothing, so the poll thread waits for room in the
     * engine instead and resumes at once.
     */
    @Override
    public long beforePoll(long nowNanos, long timeoutNanos) {
        long timeout = Math.min(timeoutNanos, nanosUntilCommit(nowNanos));
        if (!ctx.pauses.hasBackpressure() || ctx.pauses.userPaused()) {
            return timeout;
        }
        if (!ctx.pauses.backpressureCovers(ctx.consumer.assignment())) {
            return Math.min(timeout, PAUSED_POLL_NANOS);
        }
        work.awaitRoom(timeout);
        tick(System.nanoTime());
        return ctx.pauses.backpressureCovers(ctx.consumer.assignment())
                ? 0
                : Math.min(timeoutNanos, nanosUntilCommit(System.nanoTime()));
    }

    private long nanosUntilCommit(long nowNanos) {
        return ctx.commits instanceof WatermarkCommits commits ? commits.nanosUntilDue(nowNanos) : Long.MAX_VALUE;
    }

    @Override
    public void tick(long nowNanos) {
        Throwable failure = work.fatal();
        if (failure != null) {
            throw new StopConsumerException(
                    failure instanceof KafkaSdkException sdk
                            ? sdk
                            : KafkaSdkException.builder("A handler failed with " + failure + "; stopping the consumer")
                                    .clientId(clientId)
                                    .cause(failure)
                                    .fatal());
        }
        Set<TopicPartition> full = work.full();
        full.retainAll(ctx.consumer.assignment());
        int paused = ctx.pauses.backpressure(full);
        if (paused > 0) {
            meters.paused(paused);
        }
        ctx.commits.endRound();
    }
}
