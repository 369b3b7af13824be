package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.consumer.ShareOutcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Key;
import dev.kafkasdk.consumer.internal.ShareInFlight.Outcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Verdict;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How a batch handler's outcomes and failure become one verdict per record. */
class ShareBatchRunTest {

    private static final ConsumerRecord<String, String> A = new ConsumerRecord<>("t", 0, 0L, "k", "a");
    private static final ConsumerRecord<String, String> B = new ConsumerRecord<>("t", 0, 1L, "k", "b");
    private static final ConsumerRecord<String, String> C = new ConsumerRecord<>("t", 0, 2L, "k", "c");
    private static final List<Key> KEYS = List.of(Key.of(A), Key.of(B), Key.of(C));

    @Test
    void recordsWithoutAnOutcomeAreAcceptedWhenTheHandlerReturns() {
        List<Outcome> outcomes = ShareBatchRun.<String, String>run(
                batch -> {
                    batch.outcome(B, ShareOutcome.RELEASE);
                    batch.outcome(C, ShareOutcome.REJECT);
                },
                List.of(A, B, C),
                KEYS);

        assertThat(outcomes)
                .extracting(Outcome::verdict)
                .containsExactly(Verdict.SUCCEEDED, Verdict.RELEASED, Verdict.REJECTED);
    }

    @Test
    void recordsWithoutAnOutcomeFailWithTheHandlersExceptionWhenItThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Outcome> outcomes = ShareBatchRun.<String, String>run(
                batch -> {
                    batch.outcome(A, ShareOutcome.ACCEPT);
                    throw boom;
                },
                List.of(A, B, C),
                KEYS);

        assertThat(outcomes)
                .extracting(Outcome::verdict)
                .containsExactly(Verdict.SUCCEEDED, Verdict.FAILED, Verdict.FAILED);
        assertThat(outcomes.get(1).failure()).isSameAs(boom);
    }

    @Test
    void aLaterOutcomeReplacesAnEarlierOne() {
        List<Outcome> outcomes = ShareBatchRun.<String, String>run(
                batch -> {
                    batch.outcome(A, ShareOutcome.REJECT);
                    batch.outcome(A, ShareOutcome.ACCEPT);
                },
                List.of(A),
                List.of(Key.of(A)));

        assertThat(outcomes).extracting(Outcome::verdict).containsExactly(Verdict.SUCCEEDED);
    }

    @Test
    void refusesAnOutcomeForARecordOutsideTheBatch() {
        DefaultShareBatch<String, String> batch = new DefaultShareBatch<>(List.of(A));

        assertThatThrownBy(() -> batch.outcome(B, ShareOutcome.ACCEPT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t-0@1 is not in this batch of 1 records");
        assertThat(batch.outcome(A)).isEmpty();
        assertThat(batch.deliveryCount(A)).isEqualTo(1);
    }
}
