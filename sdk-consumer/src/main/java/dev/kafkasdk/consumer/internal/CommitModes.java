package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.OffsetStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Every behaviour the consumer derives from a {@link CommitMode}, decided in one place. {@link #kind}
 * is the only type test of a commit mode in the SDK and throws for a variant it does not know, so a
 * new variant cannot silently commit nothing; everything else switches exhaustively on {@link Kind}.
 */
public final class CommitModes {

    /** The commit modes, one constant per {@link CommitMode} variant. */
    public enum Kind {
        /** {@link CommitMode.Auto}. */
        AUTO,
        /** {@link CommitMode.SyncPerBatch}. */
        SYNC_PER_BATCH,
        /** {@link CommitMode.SyncPerRecord}. */
        SYNC_PER_RECORD,
        /** {@link CommitMode.Async}. */
        ASYNC,
        /** {@link CommitMode.External}. */
        EXTERNAL,
        /** {@link CommitMode.Transactional}. */
        TRANSACTIONAL,
        /** {@link CommitMode.None}. */
        NONE
    }

    private CommitModes() {}

    /**
     * The kind of a mode.
     *
     * @param mode the mode
     * @return its kind
     * @throws IllegalArgumentException for a variant this SDK version does not know
     */
    public static Kind kind(CommitMode mode) {
        if (mode instanceof CommitMode.Auto) {
            return Kind.AUTO;
        } else if (mode instanceof CommitMode.SyncPerBatch) {
            return Kind.SYNC_PER_BATCH;
        } else if (mode instanceof CommitMode.SyncPerRecord) {
            return Kind.SYNC_PER_RECORD;
        } else if (mode instanceof CommitMode.Async) {
            return Kind.ASYNC;
        } else if (mode instanceof CommitMode.External) {
            return Kind.EXTERNAL;
        } else if (mode instanceof CommitMode.Transactional) {
            return Kind.TRANSACTIONAL;
        } else if (mode instanceof CommitMode.None) {
            return Kind.NONE;
        }
        throw new IllegalArgumentException("Unknown commit mode " + mode + "; this SDK version cannot commit with it");
    }

    /**
     * Whether the mode writes offsets to Kafka (so it needs a group id).
     *
     * @param mode the mode
     * @return {@code true} unless {@code none()} or an unmirrored {@code external(store)}
     */
    public static boolean commitsToKafka(CommitMode mode) {
        return switch (kind(mode)) {
            case AUTO, SYNC_PER_BATCH, SYNC_PER_RECORD, ASYNC, TRANSACTIONAL -> true;
            case EXTERNAL -> ((CommitMode.External) mode).mirrorToKafka();
            case NONE -> false;
        };
    }

    /**
     * Whether the SDK knows the committed offsets it wrote (for the committed-lag gauge); auto commits
     * happen inside the Kafka client unseen.
     *
     * @param mode the mode
     * @return {@code true} when committed offsets are tracked
     */
    static boolean committedKnown(CommitMode mode) {
        return kind(mode) != Kind.AUTO && commitsToKafka(mode);
    }

    /**
     * The auto-commit interval of an {@code auto()} mode.
     *
     * @param mode the mode
     * @return the interval, or empty when the mode is not auto or uses the settings' interval
     */
    public static Optional<Duration> autoCommitInterval(CommitMode mode) {
        return kind(mode) == Kind.AUTO ? ((CommitMode.Auto) mode).interval() : Optional.empty();
    }

    /**
     * The application's store of an {@code external(store)} mode.
     *
     * @param mode the mode
     * @return the store, or {@code null} for other modes
     */
    public static OffsetStore store(CommitMode mode) {
        return kind(mode) == Kind.EXTERNAL ? ((CommitMode.External) mode).store() : null;
    }

    /**
     * Where a concurrent consumer sends its watermarks in this mode.
     *
     * @param mode the mode
     * @return the target, or empty when the mode cannot work with out-of-order completion
     */
    public static Optional<WatermarkCommits.Target> watermarkTarget(CommitMode mode) {
        return switch (kind(mode)) {
            case ASYNC -> Optional.of(WatermarkCommits.Target.KAFKA_ASYNC);
            case SYNC_PER_BATCH -> Optional.of(WatermarkCommits.Target.KAFKA_SYNC);
            case EXTERNAL -> Optional.of(WatermarkCommits.Target.STORE);
            case NONE -> Optional.of(WatermarkCommits.Target.NONE);
            case AUTO, SYNC_PER_RECORD, TRANSACTIONAL -> Optional.empty();
        };
    }

    /**
     * A short name for messages.
     *
     * @param mode the mode
     * @return e.g. {@code SyncPerBatch}
     */
    public static String describe(CommitMode mode) {
        return mode.getClass().getSimpleName();
    }
}
