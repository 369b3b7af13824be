package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link FailureAction} on records the consumer gives up on. Poll thread only.
 */
final class FailureResolver {

    private static final Logger LOG = LoggerFactory.getLogger(FailureResolver.class);

    private final DeadLetterPublisher publisher;
    private final ConsumerMetrics metrics;
    private final String clientId;
    private final Duration publishTimeout;
    private volatile RetryTopicRouter router;

    FailureResolver(DeadLetterPublisher publisher, ConsumerMetrics metrics, String clientId, Duration publishTimeout) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.clientId = clientId;
        this.publishTimeout = publishTimeout;
    }

    /**
     * Sends handler failures through retry topics before the dead-letter topic.
     *
     * @param router the tiers' router
     */
    void retryThrough(RetryTopicRouter router) {
        this.router = router;
    }

    /**
     * Gives up on records. Returns normally when they count as completed (dead-lettered and
     * acknowledged, or skipped).
     *
     * @param records the raw records, in offset order per partition
     * @param reason why
     * @param cause the failure
     * @param action what to do
     * @throws StopConsumerException for {@link FailureAction#STOP}, or when a dead letter cannot be stored
     */
    void giveUp(
            List<ConsumerRecord<byte[], byte[]>> records,
            DeadLetter.Reason reason,
            Throwable cause,
            FailureAction action) {
        RetryTopicRouter tiers = router;
        if (tiers != null && reason == DeadLetter.Reason.HANDLER) {
            records = tiers.forward(records, cause);
            if (records.isEmpty()) {
                return;
            }
            action = FailureAction.DEAD_LETTER;
        }
        switch (action) {
            case DEAD_LETTER -> deadLetter(records, reason, cause);
            case SKIP -> {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    LOG.warn(
                            "Skipping {}-{}@{} ({}): {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            reason,
                            cause.toString());
                    metrics.skipped();
                }
            }
            case STOP -> {
                ConsumerRecord<byte[], byte[]> first = records.get(0);
                throw new StopConsumerException(context(
                                "Stopping the consumer: " + reason.name().toLowerCase(java.util.Locale.ROOT)
                                        + " failure on "
                                        + first.topic() + "-" + first.partition() + "@" + first.offset()
                                        + " (policy STOP); it stays "
                                        + "uncommitted and is read again on restart",
                                first,
                                cause)
                        .fatal());
            }
        }
    }

    private void deadLetter(List<ConsumerRecord<byte[], byte[]>> records, DeadLetter.Reason reason, Throwable cause) {
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<CompletableFuture<Void>> sent = new ArrayList<>(records.size());
        RetryTopicRouter tiers = router;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (tiers != null && tiers.topics().tierOf(record.topic()).isPresent()) {
                sent.add(publishSafely(TierRecords.deadLetter(record, reason, cause)));
                continue;
            }
            sent.add(publishSafely(new DeadLetter(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    record.timestampType(),
                    record.key(),
                    record.value(),
                    record.headers(),
                    reason,
                    cause)));
        }
        for (int i = 0; i < sent.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StopConsumerException(context(
                                "Interrupted while publishing the dead letter for " + where(record) + " to "
                                        + target(record) + "; stopping without committing it",
                                record,
                                e)
                        .fatal());
            } catch (ExecutionException | TimeoutException e) {
                Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
                String bound = "not stored within dead-letter-timeout (" + Durations.format(publishTimeout) + ")";
                String why = e instanceof TimeoutException
                        ? bound
                        : failure instanceof org.apache.kafka.common.errors.TimeoutException
                                ? bound + ": " + failure.getMessage()
                                : "failed (" + failure + ")";
                throw new StopConsumerException(context(
                                "Cannot publish the dead letter for " + where(record) + " to " + target(record) + ": "
                                        + why + "; stopping without committing it (it is read again on restart)",
                                record,
                                failure)
                        .fatal());
            }
            metrics.deadLettered(reason);
            LOG.warn(
                    "Dead-lettered {}-{}@{} ({}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason,
                    cause.toString());
        }
    }

    /** A synchronous throw from {@code publish} becomes a failed future, reported like any other failure. */
    private CompletableFuture<Void> publishSafely(DeadLetter letter) {
        try {
            return publisher.publish(letter);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private String target(ConsumerRecord<?, ?> record) {
        return publisher
                .topicFor(record.topic())
                .map(t -> "dead-letter topic '" + t + "'")
                .orElse("the dead-letter publisher");
    }

    private KafkaSdkException.Builder context(String message, ConsumerRecord<?, ?> record, Throwable cause) {
        return KafkaSdkException.builder(message)
                .topic(record.topic())
                .partition(record.partition())
                .offset(record.offset())
                .clientId(clientId)
                .cause(cause);
    }
}
