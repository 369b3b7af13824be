package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.consumer.ShareBatchHandler;
import dev.kafkasdk.consumer.ShareOutcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Key;
import dev.kafkasdk.consumer.internal.ShareInFlight.Outcome;
import dev.kafkasdk.consumer.internal.ShareInFlight.Renewal;
import dev.kafkasdk.consumer.internal.ShareInFlight.Verdict;
import dev.kafkasdk.core.config.ShareExhaustedAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
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
 * One poll's records of a share consumer: hands them to the workers (record by record, at most
 * {@code concurrency} at once, or as one batch), and acknowledges each on the calling (poll) thread
 * as its outcome arrives, until every record of the poll is acknowledged. Handler success: ACCEPT; a
 * retriable failure below the attempt limit: RELEASE; otherwise REJECT, or a dead letter then ACCEPT.
 * A record held for half the acquisition lock is acknowledged with RENEW instead and leaves the
 * round; kafka-clients hands it back on a later poll, whose round acknowledges it when its work
 * ends (see {@link ShareInFlight}). Confined to the poll thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ShareRound<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(ShareRound.class);
    private static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** What a round needs from its consumer; exactly one of the two handlers is set. */
    record Context<K, V>(
            ShareConsumer<byte[], byte[]> consumer,
            RecordDecoder<K, V> decoder,
            @Nullable RecordHandler<K, V> handler,
            @Nullable ShareBatchHandler<K, V> batchHandler,
            ExecutorService workers,
            int concurrency,
            int maxAttempts,
            ShareExhaustedAction onExhausted,
            Predicate<Throwable> retryOn,
            @Nullable DeadLetterPublisher deadLetters,
            ShareCounters counters,
            ShareInFlight inFlight,
            String clientId) {}

    /** A record of this round not yet acknowledged. */
    private static final class Live {
        final ConsumerRecord<byte[], byte[]> raw;
        final long sinceNanos;
        boolean started;

        Live(ConsumerRecord<byte[], byte[]> raw, long sinceNanos, boolean started) {
            this.raw = raw;
            this.sinceNanos = sinceNanos;
            this.started = started;
        }
    }

    private final Context<K, V> c;
    private final ShareInFlight inFlight;
    private final Map<Key, Live> live = new LinkedHashMap<>();
    private final Deque<Live> pending = new ArrayDeque<>();
    private final List<Outcome> known = new ArrayList<>();
    private boolean acknowledgedSinceCommit;
    private long lastCommitNanos = System.nanoTime();

    ShareRound(Context<K, V> context, ConsumerRecords<byte[], byte[]> records) {
        this.c = context;
        this.inFlight = context.inFlight();
        long now = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> raw : records) {
            Key key = Key.of(raw);
            Renewal renewal = inFlight.renewing.remove(key);
            Live record =
                    renewal == null ? new Live(raw, now, false) : new Live(raw, renewal.renewedNanos, renewal.started);
            live.put(key, record);
            if (renewal == null) {
                c.counters().delivered(attempt(raw) > 1);
            } else if (renewal.outcome != null) {
                known.add(renewal.outcome);
            }
            if (!record.started) {
                pending.add(record);
            }
        }
    }

    /** Runs the round; returns once every record is acknowledged (ACCEPT, RELEASE, REJECT or RENEW). */
    void run() throws InterruptedException {
        known.forEach(this::apply);
        while (!live.isEmpty()) {
            dispatch();
            Outcome outcome = inFlight.outcomes.poll(100, TimeUnit.MILLISECONDS);
            while (outcome != null) {
                apply(outcome);
                outcome = inFlight.outcomes.poll();
            }
            renewDue();
            if (!live.isEmpty()
                    && acknowledgedSinceCommit
                    && System.nanoTime() - lastCommitNanos > COMMIT_EVERY_NANOS) {
                // send what is acknowledged so far: a slow record must not hold the others' locks
                commit();
            }
        }
    }

    private void commit() {
        c.consumer().commitAsync();
        acknowledgedSinceCommit = false;
        lastCommitNanos = System.nanoTime();
    }

    private void dispatch() {
        if (c.batchHandler() != null) {
            dispatchBatch(c.batchHandler());
            return;
        }
        while (inFlight.runningTasks.get() < c.concurrency() && !pending.isEmpty()) {
            Live record = pending.poll();
            record.started = true;
            ConsumerRecord<K, V> decoded = decode(record);
            if (decoded == null) {
                continue;
            }
            Key key = Key.of(record.raw);
            RecordHandler<K, V> handler = c.handler();
            inFlight.runningTasks.incrementAndGet();
            c.workers().execute(() -> {
                Outcome outcome = handle(key, handler, decoded);
                inFlight.runningTasks.decrementAndGet();
                inFlight.outcomes.add(outcome);
            });
        }
    }

    /** One batch at a time: the records of this round not started yet. */
    private void dispatchBatch(ShareBatchHandler<K, V> handler) {
        if (pending.isEmpty() || inFlight.runningTasks.get() > 0) {
            return;
        }
        List<ConsumerRecord<K, V>> decoded = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        while (!pending.isEmpty()) {
            Live record = pending.poll();
            record.started = true;
            ConsumerRecord<K, V> d = decode(record);
            if (d != null) {
                decoded.add(d);
                keys.add(Key.of(record.raw));
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        inFlight.runningTasks.incrementAndGet();
        c.workers().execute(() -> {
            List<Outcome> outcomes = ShareBatchRun.run(handler, decoded, keys);
            inFlight.runningTasks.decrementAndGet();
            inFlight.outcomes.addAll(outcomes);
        });
    }

    private @Nullable ConsumerRecord<K, V> decode(Live record) {
        try {
            return c.decoder().decode(record.raw);
        } catch (RecordDecoder.DecodeException e) {
            exhausted(record, e, DeadLetter.Reason.DESERIALIZATION);
            return null;
        }
    }

    private static <K, V> Outcome handle(Key key, RecordHandler<K, V> handler, ConsumerRecord<K, V> record) {
        try {
            handler.handle(record);
            return new Outcome(key, Verdict.SUCCEEDED, null);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            return new Outcome(key, Verdict.FAILED, e);
        }
    }

    private void apply(Outcome outcome) {
        Live record = live.get(outcome.key());
        if (record == null) {
            Renewal renewal = inFlight.renewing.get(outcome.key());
            if (renewal != null) {
                renewal.outcome = outcome; // acknowledged when kafka-clients hands the record back
            }
            return;
        }
        ConsumerRecord<byte[], byte[]> raw = record.raw;
        Throwable failure = outcome.failure();
        switch (outcome.verdict()) {
            case SUCCEEDED -> {
                acknowledge(raw, AcknowledgeType.ACCEPT);
                c.counters().accepted();
            }
            case FAILED, RELEASED -> {
                boolean retriable = outcome.verdict() == Verdict.RELEASED
                        || (failure != null && c.retryOn().test(failure));
                if (attempt(raw) < c.maxAttempts() && retriable) {
                    acknowledge(raw, AcknowledgeType.RELEASE);
                    c.counters().released();
                } else {
                    exhausted(record, orDescribe(failure, raw, ShareOutcome.RELEASE), DeadLetter.Reason.HANDLER);
                }
            }
            case REJECTED ->
                exhausted(record, orDescribe(failure, raw, ShareOutcome.REJECT), DeadLetter.Reason.HANDLER);
            case STORED -> {
                acknowledge(raw, AcknowledgeType.ACCEPT);
                c.counters().deadLettered();
            }
            case STORE_FAILED -> {
                LOG.warn(
                        "{}: dead letter of {}-{}@{} failed, releasing it for another delivery: {}",
                        c.clientId(),
                        raw.topic(),
                        raw.partition(),
                        raw.offset(),
                        String.valueOf(failure));
                acknowledge(raw, AcknowledgeType.RELEASE);
                c.counters().released();
            }
        }
    }

    private static Throwable orDescribe(@Nullable Throwable failure, ConsumerRecord<?, ?> raw, ShareOutcome outcome) {
        return failure != null
                ? failure
                : new ShareBatchRun.OutcomeSet("the batch handler set " + outcome + " on delivery " + attempt(raw)
                        + " of " + raw.topic() + "-" + raw.partition() + "@" + raw.offset());
    }

    private void exhausted(Live record, Throwable failure, DeadLetter.Reason reason) {
        ConsumerRecord<byte[], byte[]> raw = record.raw;
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
        Key key = Key.of(raw);
        c.deadLetters()
                .publish(letter)
                .whenComplete((ok, error) -> inFlight.outcomes.add(
                        new Outcome(key, error == null ? Verdict.STORED : Verdict.STORE_FAILED, error)));
    }

    /** RENEWs every record held for half the lock; they leave the round and come back on a later poll. */
    private void renewDue() {
        long now = System.nanoTime();
        long renewAfter = inFlight.renewAfterNanos();
        boolean renewed = false;
        for (var it = live.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Live> e = it.next();
            Live record = e.getValue();
            if (now - record.sinceNanos < renewAfter) {
                continue;
            }
            c.consumer().acknowledge(record.raw, AcknowledgeType.RENEW);
            it.remove();
            if (!record.started) {
                pending.remove(record);
            }
            inFlight.renewing.put(e.getKey(), new Renewal(now, record.started));
            c.counters().renewed();
            renewed = true;
        }
        if (renewed) {
            commit(); // send the renewals now, well before the locks expire
        }
    }

    private void acknowledge(ConsumerRecord<byte[], byte[]> raw, AcknowledgeType type) {
        c.consumer().acknowledge(raw, type);
        live.remove(Key.of(raw));
        acknowledgedSinceCommit = true;
    }

    private static int attempt(ConsumerRecord<?, ?> record) {
        return record.deliveryCount().map(Short::intValue).orElse(1);
    }
}
