package dev.kafkasdk.consumer;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a partition starts reading: on assignment (see {@link StartPositionStrategy}) or when moved
 * at run time with {@link SdkConsumer#seek(org.apache.kafka.common.TopicPartition, StartPosition)}.
 *
 * <p>Moving a partition backwards replays records but never moves the group's committed offset
 * backwards: commits below an offset this consumer already committed are dropped (see
 * {@link CommitMode}). To reset a group's offsets, use the admin module.
 *
 * @since 0.1
 */
public sealed interface StartPosition
        permits StartPosition.Committed,
                StartPosition.Beginning,
                StartPosition.End,
                StartPosition.Offset,
                StartPosition.Timestamp,
                StartPosition.Rewind,
                StartPosition.Window {

    /**
     * Leave the position to Kafka: the committed offset, or {@code auto.offset.reset} without one.
     *
     * @return the position
     */
    static StartPosition committed() {
        return Committed.INSTANCE;
    }

    /**
     * The earliest retained offset.
     *
     * @return the position
     */
    static StartPosition beginning() {
        return Beginning.INSTANCE;
    }

    /**
     * The log end offset: only records produced from now on.
     *
     * @return the position
     */
    static StartPosition end() {
        return End.INSTANCE;
    }

    /**
     * An absolute offset.
     *
     * @param offset the offset, at least 0; past the end, {@code auto.offset.reset} applies
     * @return the position
     */
    static StartPosition offset(long offset) {
        return new Offset(offset);
    }

    /**
     * The first record whose timestamp is at or after the instant ({@code offsetsForTimes}); the log
     * end if there is none.
     *
     * @param timestamp the instant
     * @return the position
     */
    static StartPosition timestamp(Instant timestamp) {
        return new Timestamp(timestamp);
    }

    /**
     * {@code records} before the current position (on assignment: before the committed offset, or the
     * end when nothing is committed), never before the beginning.
     *
     * @param records how many records to go back, at least 0
     * @return the position
     */
    static StartPosition rewind(long records) {
        return new Rewind(records);
    }

    /**
     * Replays the time window {@code [from, to)}: starts at the first record at or after {@code from}
     * and stops the partition before the first record at or after {@code to} (by offset, from
     * {@code offsetsForTimes(to)}, or the end offset at seek time when {@code to} is in the past and
     * no record is that late yet). When every assigned partition has reached its stop, the consumer
     * commits and stops by itself ({@link ConsumerState#STOPPED}).
     *
     * @param from the inclusive start
     * @param to the exclusive end, after {@code from}
     * @return the position
     */
    static StartPosition window(Instant from, Instant to) {
        return new Window(from, to);
    }

    /** See {@link #committed()}. */
    enum Committed implements StartPosition {
        /** The only instance. */
        INSTANCE
    }

    /** See {@link #beginning()}. */
    enum Beginning implements StartPosition {
        /** The only instance. */
        INSTANCE
    }

    /** See {@link #end()}. */
    enum End implements StartPosition {
        /** The only instance. */
        INSTANCE
    }

    /**
     * See {@link #offset(long)}.
     *
     * @param offset the absolute offset
     */
    record Offset(long offset) implements StartPosition {
        /**
         * Validates the offset.
         *
         * @param offset the absolute offset
         * @throws IllegalArgumentException if negative
         */
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0: " + offset);
            }
        }
    }

    /**
     * See {@link #timestamp(Instant)}.
     *
     * @param timestamp the instant
     */
    record Timestamp(Instant timestamp) implements StartPosition {
        /**
         * Validates the instant.
         *
         * @param timestamp the instant
         */
        public Timestamp {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /**
     * See {@link #rewind(long)}.
     *
     * @param records how many records to go back
     */
    record Rewind(long records) implements StartPosition {
        /**
         * Validates the count.
         *
         * @param records how many records to go back
         * @throws IllegalArgumentException if negative
         */
        public Rewind {
            if (records < 0) {
                throw new IllegalArgumentException("rewind count must be >= 0: " + records);
            }
        }
    }

    /**
     * See {@link #window(Instant, Instant)}.
     *
     * @param from the inclusive start
     * @param to the exclusive end
     */
    record Window(Instant from, Instant to) implements StartPosition {
        /**
         * Validates the window.
         *
         * @param from the inclusive start
         * @param to the exclusive end
         * @throws IllegalArgumentException if {@code to} is not after {@code from}
         */
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("window end " + to + " must be after its start " + from);
            }
        }
    }
}
