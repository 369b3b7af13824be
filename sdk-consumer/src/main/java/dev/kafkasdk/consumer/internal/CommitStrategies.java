package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.core.transaction.TransactionalSink;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The {@link CommitStrategy} of each {@link CommitMode}. */
final class CommitStrategies {

    private CommitStrategies() {}

    static CommitStrategy of(
            CommitMode mode, Consumer<byte[], byte[]> consumer, OffsetTracker tracker, Committer committer) {
        return switch (CommitModes.kind(mode)) {
            case AUTO -> new Auto(tracker, committer);
            case SYNC_PER_BATCH -> new SyncPerBatch(tracker, committer);
            case SYNC_PER_RECORD -> new SyncPerRecord(tracker, committer);
            case ASYNC -> new Async(tracker, committer);
            case EXTERNAL -> new External(tracker, committer, ((CommitMode.External) mode).mirrorToKafka());
            case TRANSACTIONAL -> new Transactional(((CommitMode.Transactional) mode).sink(), consumer, tracker);
            case NONE -> new NoCommit();
        };
    }

    /** Kafka commits inside poll; the SDK adds a synchronous commit on revocation. */
    static final class Auto implements CommitStrategy {
        private final OffsetTracker tracker;
        private final Committer committer;

        Auto(OffsetTracker tracker, Committer committer) {
            this.tracker = tracker;
            this.committer = committer;
        }

        @Override
        public void endRound() {}

        @Override
        public void onRevoked(Collection<TopicPartition> partitions) {
            committer.commitLast(tracker.pending(partitions));
        }

        @Override
        public void onClose() {
            committer.commitLast(tracker.pending());
        }

        @Override
        public boolean autoCommit() {
            return true;
        }
    }

    /** commitSync after each round. */
    static class SyncPerBatch implements CommitStrategy {
        final OffsetTracker tracker;
        final Committer committer;

        SyncPerBatch(OffsetTracker tracker, Committer committer) {
            this.tracker = tracker;
            this.committer = committer;
        }

        @Override
        public void endRound() {
            if (tracker.hasPending()) {
                committer.commitSync(tracker.pending());
            }
        }

        @Override
        public void onRevoked(Collection<TopicPartition> partitions) {
            committer.commitLast(tracker.pending(partitions));
        }

        @Override
        public void onClose() {
            committer.commitLast(tracker.pending());
        }
    }

    /** commitSync after each record. */
    static final class SyncPerRecord extends SyncPerBatch {
        SyncPerRecord(OffsetTracker tracker, Committer committer) {
            super(tracker, committer);
        }

        @Override
        public void unitCompleted() {
            committer.commitSync(tracker.pending());
        }
    }

    /** commitAsync after each round, commitSync on revoke and close. */
    static final class Async extends SyncPerBatch {
        Async(OffsetTracker tracker, Committer committer) {
            super(tracker, committer);
        }

        @Override
        public void endRound() {
            if (tracker.hasPending()) {
                committer.commitAsync(tracker.pending());
            }
        }
    }

    /** The application stores offsets; optionally mirrored to Kafka asynchronously. */
    static final class External implements CommitStrategy {
        private final OffsetTracker tracker;
        private final Committer committer;
        private final boolean mirror;

        External(OffsetTracker tracker, Committer committer, boolean mirror) {
            this.tracker = tracker;
            this.committer = committer;
            this.mirror = mirror;
        }

        @Override
        public void endRound() {
            if (mirror && tracker.hasPending()) {
                committer.commitAsync(tracker.pending());
            }
        }

        @Override
        public void onRevoked(Collection<TopicPartition> partitions) {
            if (mirror) {
                committer.commitLast(tracker.pending(partitions));
            }
        }

        @Override
        public void onClose() {
            if (mirror) {
                committer.commitLast(tracker.pending());
            }
        }
    }

    /** One Kafka transaction per round, with the round's offsets. */
    static final class Transactional implements CommitStrategy {
        private final TransactionalSink<?, ?> sink;
        private final Consumer<byte[], byte[]> consumer;
        private final OffsetTracker tracker;
        private boolean open;

        Transactional(TransactionalSink<?, ?> sink, Consumer<byte[], byte[]> consumer, OffsetTracker tracker) {
            this.sink = sink;
            this.consumer = consumer;
            this.tracker = tracker;
        }

        @Override
        public void beginRound() {
            if (!open) {
                sink.beginTransaction();
                open = true;
            }
        }

        @Override
        public void endRound() {
            Map<TopicPartition, OffsetAndMetadata> offsets = tracker.guard(tracker.pending());
            if (!open && offsets.isEmpty()) {
                return;
            }
            beginRound();
            if (!offsets.isEmpty()) {
                sink.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            sink.commitTransaction();
            open = false;
            tracker.committed(offsets);
        }

        @Override
        public boolean roundFailed() {
            if (open) {
                open = false;
                sink.abortTransaction();
            }
            return true;
        }

        @Override
        public void onRevoked(Collection<TopicPartition> partitions) {
            // Rounds end with a commit before the next poll, so no transaction is open here.
        }

        @Override
        public void onClose() {
            if (open) {
                open = false;
                sink.abortTransaction();
            }
        }
    }

    /** Commits nothing. */
    static final class NoCommit implements CommitStrategy {
        @Override
        public void endRound() {}

        @Override
        public void onRevoked(Collection<TopicPartition> partitions) {}

        @Override
        public void onClose() {}
    }
}
