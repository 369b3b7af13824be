package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void pendingIsLastCompletedOffsetPlusOnePerPartition() {
        tracker.complete(tracker.progress(P0), 4, Optional.of(7));
        tracker.complete(tracker.progress(P0), 5, Optional.of(7));
        tracker.complete(tracker.progress(P1), 0, Optional.empty());

        assertThat(tracker.pending())
                .containsOnly(
                        Map.entry(P0, new OffsetAndMetadata(6, Optional.of(7), "")),
                        Map.entry(P1, new OffsetAndMetadata(1, Optional.empty(), "")));
    }

    @Test
    void completingAnOlderRecordNeverLowersTheCompletedOffset() {
        tracker.complete(tracker.progress(P0), 9, Optional.empty());
        tracker.complete(tracker.progress(P0), 3, Optional.empty());

        assertThat(tracker.completedOffset(P0)).hasValue(10);
    }

    @Test
    void committedOffsetsAreNotPendingAnyMore() {
        tracker.complete(tracker.progress(P0), 5, Optional.empty());
        tracker.committed(tracker.pending());

        assertThat(tracker.hasPending()).isFalse();
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void guardDropsCommitsAtOrBelowWhatWasCommitted() {
        tracker.committed(P0, 10);
        tracker.committed(P1, 3);

        Map<TopicPartition, OffsetAndMetadata> guarded = tracker.guard(Map.of(
                P0, new OffsetAndMetadata(7),
                P1, new OffsetAndMetadata(4)));

        assertThat(guarded).containsOnlyKeys(P1);
        assertThat(tracker.guard(Map.of(P0, new OffsetAndMetadata(10)))).isEmpty();
    }

    @Test
    void aLateLowerCommitAcknowledgementDoesNotLowerTheGuard() {
        tracker.committed(P0, 20);
        tracker.committed(Map.of(P0, new OffsetAndMetadata(12)));

        assertThat(tracker.committedOffset(P0)).hasValue(20);
    }

    @Test
    void forgettingARevokedPartitionResetsItsGuard() {
        tracker.committed(P0, 20);
        tracker.forget(List.of(P0));

        assertThat(tracker.committedOffset(P0)).isEmpty();
        assertThat(tracker.guard(Map.of(P0, new OffsetAndMetadata(5)))).containsOnlyKeys(P0);
    }

    @Test
    void rollbackMovesCompletedBackToTheRoundStart() {
        tracker.committed(P0, 5);
        tracker.complete(tracker.progress(P0), 8, Optional.empty());
        tracker.rollback(P0, 5);

        assertThat(tracker.completedOffset(P0)).hasValue(5);
        assertThat(tracker.hasPending()).isFalse();
    }

    @Test
    void pendingForASubsetIgnoresOtherPartitions() {
        tracker.complete(tracker.progress(P0), 1, Optional.empty());
        tracker.complete(tracker.progress(P1), 1, Optional.empty());

        assertThat(tracker.pending(List.of(P1))).containsOnlyKeys(P1);
    }
}
