package dev.kafkasdk.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * Where {@link GroupOperations#resetOffsets} moves a group's committed offsets. Every target is clamped
 * to the partition's current earliest and latest offsets, as Kafka's own tool does.
 *
 * @since 0.1
 */
public sealed interface ResetTarget {

    /** @return the earliest offset still in the log */
    static ResetTarget earliest() {
        return new Earliest();
    }

    /** @return the log end offset: skip everything not yet consumed */
    static ResetTarget latest() {
        return new Latest();
    }

    /**
     * @param timestamp a point in time
     * @return the first offset whose record timestamp is at or after it (the log end when none is)
     */
    static ResetTarget toTimestamp(Instant timestamp) {
        return new ToTimestamp(timestamp);
    }

    /**
     * @param offset an absolute offset, used for every selected partition
     * @return that offset
     */
    static ResetTarget toOffset(long offset) {
        return new ToOffset(offset);
    }

    /**
     * @param delta how far to move each committed offset, negative to re-read
     * @return the committed offset plus {@code delta}
     */
    static ResetTarget shiftBy(long delta) {
        return new ShiftBy(delta);
    }

    /** @return a short description, for example {@code shift-by -10} */
    String describe();

    /** Reset to the earliest offset. */
    record Earliest() implements ResetTarget {
        @Override
        public String describe() {
            return "earliest";
        }
    }

    /** Reset to the log end offset. */
    record Latest() implements ResetTarget {
        @Override
        public String describe() {
            return "latest";
        }
    }

    /**
     * Reset to the first offset at or after a time.
     *
     * @param timestamp the time
     */
    record ToTimestamp(Instant timestamp) implements ResetTarget {
        /**
         * Rejects null.
         *
         * @param timestamp the time
         */
        public ToTimestamp {
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public String describe() {
            return "to-datetime " + timestamp;
        }
    }

    /**
     * Reset to an absolute offset.
     *
     * @param offset the offset, 0 or more
     */
    record ToOffset(long offset) implements ResetTarget {
        /**
         * Rejects negative offsets.
         *
         * @param offset the offset, 0 or more
         */
        public ToOffset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
            }
        }

        @Override
        public String describe() {
            return "to-offset " + offset;
        }
    }

    /**
     * Move by a number of records from the committed offset.
     *
     * @param delta records to move, negative to go back
     */
    record ShiftBy(long delta) implements ResetTarget {
        @Override
        public String describe() {
            return "shift-by " + delta;
        }
    }
}
