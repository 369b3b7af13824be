package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.ShareExhaustedAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll's records of a share consumer: hands them to at most {@code concurrency} workers, and
 * acknowledges each on the calling (poll) thread as its outcome arrives, until every record of the
 * poll is acknowledged. Handler success: ACCEPT; a retriable failure below the attempt limit:
 * RELEASE; otherwise REJECT, or a dead letter then ACCEPT. Confined to the poll thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ShareRound<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(ShareRound.class);
    private static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** How a record ended, reported back to the poll thread. */
    private record Outcome(
            ConsumerRecord<byte[], byte[]> record, @Nullable Throwable failure, boolean deadLetter) {}

    /** What a round needs from its consumer. */
    record Context<K, V>(
            ShareConsumer<byte[], byte[]> consumer,
            RecordDecoder<K, V> decoder,
            RecordHandler<K, V> handler,
            ExecutorService workers,
            int concurrency,
            int maxAttempts,
            ShareExhaustedAction onExhausted,
            Predicate<Throwable> retryOn,
            @Nullable DeadLetterPublisher deadLetters,
            ShareCounters counters,
            String clientId) {}

    private final Context<K, V> c;
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Deque<ConsumerRecord<byte[], byte[]>> pending = new ArrayDeque<>();
    private int running;
    private int outstanding;
    private boolean acknowledgedSinceCommit;
    private long lastCommitNanos = System.nanoTime();

    ShareRound(Context<K, V> context, ConsumerRecords<byte[], byte[]> records) {
        this.c = context;
        records.forEach(pending::add);
        this.outstanding = pending.size();
    }

    /** Runs the round; returns once every record is acknowledged. */
    void run() throws InterruptedException {
        while (outstanding > 0) {
            dispatch();
            Outcome outcome = outcomes.poll(100, TimeUnit.MILLISECONDS);
            while (outcome != null) {
                apply(outcome);
                outcome = outcomes.poll();
            }
            if (outstanding > 0
                    && acknowledgedSinceCommit
                    && System.nanoTime() - lastCommitNanos > COMMIT_EVERY_NANOS) {
                // send what is acknowledged so far: a slow record must not hold the others' locks
                c.consumer().commitAsync();
                acknowledgedSinceCommit = false;
                lastCommitNanos = System.nanoTime();
            }
        }
    }

    private void dispatch() {
        while (running < c.concurrency() && !pending.isEmpty()) {
            ConsumerRecord<byte[], byte[]> raw = pending.poll();
            c.counters().delivered(attempt(raw) > 1);
            ConsumerRecord<K, V> decoded;
            try {
                decoded = c.decoder().decode(raw);
            } catch (RecordDecoder.DecodeException e) {
                exhausted(raw, e, DeadLetter.Reason.DESERIALIZATION);
                continue;
            }
            running++;
            c.workers().execute(() -> outcomes.add(new Outcome(raw, handle(decoded), false)));
        }
    }

    private @Nullable Throwable handle(ConsumerRecord<K, V> record) {
        try {
            c.handler().handle(record);
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            return e;
        }
    }

    private void apply(Outcome outcome) {
        ConsumerRecord<byte[], byte[]> raw = outcome.record();
        if (outcome.deadLetter()) {
            if (outcome.failure() == null) {
                acknowledge(raw, AcknowledgeType.ACCEPT);
                c.counters().deadLettered();
            } else {
                LOG.warn(
                        "{}: dead letter of {}-{}@{} failed, releasing it for another delivery: {}",
                        c.clientId(),
                        raw.topic(),
                        raw.partition(),
                        raw.offset(),
                        outcome.failure().toString());
                acknowledge(raw, AcknowledgeType.RELEASE);
                c.counters().released();
            }
            return;
        }
        running--;
        Throwable failure = outcome.failure();
        if (failure == null) {
            acknowledge(raw, AcknowledgeType.ACCEPT);
            c.counters().accepted();
        } else if (attempt(raw) < c.maxAttempts() && c.retryOn().test(failure)) {
            acknowledge(raw, AcknowledgeType.RELEASE);
            c.counters().released();
        } else {
            exhausted(raw, failure, DeadLetter.Reason.HANDLER);
        }
    }

    private void exhausted(ConsumerRecord<byte[], byte[]> raw, Throwable failure, DeadLetter.Reason reason) {
        if (c.onExhausted() == ShareExhaustedAction.REJECT || c.deadLetters() == null) {
            LOG.warn(
                    "{}: rejecting {}-{}@{} after delivery {} ({}): {}",
                    c.clientId(),
                    raw.topic(),
                    raw.partition(),
                    raw.offset(),
                    attempt(raw),
                    reason,
                    failure.toString());
            acknowledge(raw, AcknowledgeType.REJECT);
            c.counters().rejected();
            return;
        }
        DeadLetter letter = new DeadLetter(
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.timestamp(),
                raw.timestampType(),
                raw.key(),
                raw.value(),
                raw.headers(),
                reason,
                failure);
        c.deadLetters().publish(letter).whenComplete((ok, error) -> outcomes.add(new Outcome(raw, error, true)));
    }

    private void acknowledge(ConsumerRecord<byte[], byte[]> raw, AcknowledgeType type) {
        c.consumer().acknowledge(raw, type);
        outstanding--;
        acknowledgedSinceCommit = true;
    }

    private static int attempt(ConsumerRecord<?, ?> record) {
        return record.deliveryCount().map(Short::intValue).orElse(1);
    }
}
