package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.config.Ordering;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * How a consumer processes records concurrently; {@link #SEQUENTIAL} is the poll-thread loop.
 *
 * @param enabled whether records go to worker threads
 * @param ordering the ordering
 * @param concurrency records handled at once
 * @param maxInFlightPerPartition records of one partition taken and not completed before it is paused
 * @param executor the caller's executor (never shut down by the consumer), or {@code null} to create one
 * @param commitInterval how often watermarks are committed
 * @param metadataLimit the commit metadata limit to assume instead of reading the broker's, if set
 */
public record ConcurrencySpec(
        boolean enabled,
        Ordering ordering,
        int concurrency,
        int maxInFlightPerPartition,
        Executor executor,
        Duration commitInterval,
        OptionalInt metadataLimit) {

    /** Today's loop: the handler runs on the poll thread. */
    public static final ConcurrencySpec SEQUENTIAL =
            new ConcurrencySpec(false, Ordering.PARTITION, 1, 1, null, Duration.ofSeconds(1), OptionalInt.empty());
}
