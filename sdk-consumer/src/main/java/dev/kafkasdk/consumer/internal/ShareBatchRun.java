package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ShareBatchHandler;
import dev.kafkasdk.consumer.ShareOutcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Key;
import dev.kafkasdk.consumer.internal.ShareInFlight.Outcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/** Runs one {@link ShareBatchHandler} call on a worker and turns it into one outcome per record. */
final class ShareBatchRun {

    /** The failure a dead letter names when a batch handler set RELEASE or REJECT without throwing. */
    static final class OutcomeSet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutcomeSet(String message) {
            super(message, null, false, false);
        }
    }

    private ShareBatchRun() {}

    static <K, V> List<Outcome> run(
            ShareBatchHandler<K, V> handler, List<ConsumerRecord<K, V>> records, List<Key> keys) {
        DefaultShareBatch<K, V> batch = new DefaultShareBatch<>(records);
        Throwable failure = null;
        try {
            handler.handle(batch);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            failure = e;
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ShareOutcome set = batch.outcome(batch.records().get(i)).orElse(null);
            outcomes.add(outcome(keys.get(i), set, failure));
        }
        return outcomes;
    }

    private static Outcome outcome(Key key, @Nullable ShareOutcome set, @Nullable Throwable failure) {
        if (set == null) {
            return failure == null
                    ? new Outcome(key, Verdict.SUCCEEDED, null)
                    : new Outcome(key, Verdict.FAILED, failure);
        }
        return switch (set) {
            case ACCEPT -> new Outcome(key, Verdict.SUCCEEDED, null);
            case RELEASE -> new Outcome(key, Verdict.RELEASED, failure);
            case REJECT -> new Outcome(key, Verdict.REJECTED, failure);
        };
    }
}
