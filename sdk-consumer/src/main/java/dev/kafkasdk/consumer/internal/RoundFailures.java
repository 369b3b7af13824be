package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Failure handling shared by the record and batch rounds. */
final class RoundFailures {

    private RoundFailures() {}

    /**
     * A transaction could not be committed and was aborted: back off every partition of the round by
     * the failure policy's schedule, or stop once its attempts are spent.
     *
     * @param ctx the loop
     * @param roundStarts each partition's first offset in the round
     * @param error the commit failure
     */
    static void transactionFailed(
            LoopContext<?, ?> ctx, Map<TopicPartition, Long> roundStarts, RuntimeException error) {
        if (error instanceof KafkaSdkException sdk && !sdk.isRetriable() && isFatal(sdk)) {
            throw new StopConsumerException(sdk);
        }
        RetryTracker.Decision decision = ctx.retries.failed(roundStarts, error, System.nanoTime());
        if (decision.exhausted()) {
            throw new StopConsumerException(KafkaSdkException.builder("Transaction commit kept failing for "
                            + roundStarts.keySet() + "; stopping with nothing committed")
                    .cause(error)
                    .fatal());
        }
        ctx.metrics.retryScheduled();
        roundStarts.keySet().forEach(ctx.pauses::pauseForRetry);
    }

    private static boolean isFatal(KafkaSdkException error) {
        return error instanceof dev.kafkasdk.core.FatalKafkaSdkException;
    }
}
