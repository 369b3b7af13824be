package dev.kafkasdk.consumer;

import dev.kafkasdk.core.transaction.TransactionalSink;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How, and when, a consumer records its progress. Each variant states its delivery guarantee and
 * its duplicate window: the records that can be processed a second time after a crash (process
 * death, no orderly close) or a lost partition.
 *
 * <p>Every variant that commits to Kafka shares two rules: a commit never moves a partition's offset
 * below one this consumer already committed (a per-partition guard, reset when the partition is
 * revoked or lost), and on revocation the consumer commits what it completed before the partition
 * moves, while on loss ({@code onPartitionsLost}) it commits nothing, since another member may own the
 * partition already. Records the consumer fetched but did not process are never committed: the SDK
 * seeks each partition back to its first unprocessed record before it polls again.
 *
 * <table>
 * <caption>The commit modes (docs/consumer.md shows this table; a test keeps the copy equal)</caption>
 * <!-- tag::commit-modes[] -->
 * <tr><th>Mode</th><th>What happens</th><th>Guarantee</th><th>Duplicate window after a crash</th></tr>
 * <tr><td>{@code CommitMode.auto()} / {@code auto(interval)}</td><td>{@code enable.auto.commit}: the client commits processed positions inside {@code poll()} every interval; plus a sync commit on revoke</td><td>at least once</td><td>records processed since the last auto commit: ≤ interval × rate + one poll's records</td></tr>
 * <tr><td>{@code syncPerBatch()} (default)</td><td>handler returns, then {@code commitSync} of exactly last offset + 1 per partition</td><td>at least once</td><td>the round in flight: ≤ {@code max.poll.records}</td></tr>
 * <tr><td>{@code syncPerRecord()}</td><td>{@code commitSync} after every record</td><td>at least once</td><td>1 record</td></tr>
 * <tr><td>{@code async()}</td><td>{@code commitAsync} per round, at most one in flight (else that round commits sync); {@code commitSync} on revoke and close</td><td>at least once</td><td>≤ 2 × {@code max.poll.records}</td></tr>
 * <tr><td>{@code external(store)}</td><td>the handler stores {@code offset + 1} ({@code ConsumerBatch.nextOffsets()}) in its own DB transaction; on assignment the SDK seeks to {@code OffsetStore.load(...)}; nothing committed to Kafka ({@code .mirrored()} also commits async for lag tools)</td><td>exactly once for effects in that transaction</td><td>none</td></tr>
 * <tr><td>{@code transactional(sink)}</td><td>per round: {@code beginTransaction}, handler sends through the {@code TransactionalSink}, {@code sendOffsetsToTransaction(offsets, groupMetadata())}, commit; reads {@code read_committed}; on failure abort and rewind every partition of the round to its last committed offset</td><td>exactly once for output and offsets</td><td>none in committed output</td></tr>
 * <tr><td>{@code none()}</td><td>commits nothing (replays, reads without a group)</td><td>none across restarts</td><td>—</td></tr>
 * <!-- end::commit-modes[] -->
 * </table>
 *
 * <p>With concurrent processing ({@code ordering} other than {@code partition}, or {@code concurrency}
 * above 1) only {@code async()} (the default there), {@code syncPerBatch()}, {@code external(store)} and
 * {@code none()} apply: they commit per partition the lowest offset not yet completed, with the
 * records completed beyond it in the commit metadata (see docs/concurrent-consumer.md).
 *
 * @since 0.1
 */
public sealed interface CommitMode
        permits CommitMode.Auto,
                CommitMode.SyncPerBatch,
                CommitMode.SyncPerRecord,
                CommitMode.Async,
                CommitMode.External,
                CommitMode.Transactional,
                CommitMode.None {

    /**
     * Kafka's auto commit ({@code enable.auto.commit=true}) with the settings' interval.
     *
     * @return the mode
     * @see Auto
     */
    static CommitMode auto() {
        return new Auto(Optional.empty());
    }

    /**
     * Kafka's auto commit with an explicit interval, overriding the settings' one.
     *
     * @param interval the {@code auto.commit.interval.ms}, positive
     * @return the mode
     */
    static CommitMode auto(Duration interval) {
        return new Auto(Optional.of(interval));
    }

    /**
     * {@code commitSync} of exactly the processed offsets after every handler round.
     *
     * @return the mode
     * @see SyncPerBatch
     */
    static CommitMode syncPerBatch() {
        return SyncPerBatch.INSTANCE;
    }

    /**
     * {@code commitSync} after every record.
     *
     * @return the mode
     * @see SyncPerRecord
     */
    static CommitMode syncPerRecord() {
        return SyncPerRecord.INSTANCE;
    }

    /**
     * {@code commitAsync} after every round, {@code commitSync} on revocation and close.
     *
     * @return the mode
     * @see Async
     */
    static CommitMode async() {
        return Async.INSTANCE;
    }

    /**
     * Offsets live in the application's own store, written in the same transaction as the work.
     *
     * @param store loads the stored offsets on assignment; not closed by the consumer
     * @return the mode, without mirroring to Kafka
     * @see External
     */
    static External external(OffsetStore store) {
        return new External(store, false);
    }

    /**
     * Exactly-once consume-transform-produce through a transactional sink.
     *
     * @param sink the sink the handler sends its output to; not closed by the consumer
     * @return the mode
     * @see Transactional
     */
    static CommitMode transactional(TransactionalSink<?, ?> sink) {
        return new Transactional(sink);
    }

    /**
     * Commits nothing: for replays, reads without a group and tools.
     *
     * @return the mode
     */
    static CommitMode none() {
        return None.INSTANCE;
    }

    /**
     * Kafka's own auto commit. Inside {@code poll()} the client commits the positions of the records
     * returned by earlier polls once {@code auto.commit.interval.ms} has passed; because the SDK
     * processes a poll's records before it polls again, and seeks back any it did not process, only
     * processed records are committed. The SDK also commits synchronously on revocation.
     *
     * <p>Guarantee: at least once. Duplicate window after a crash: the records processed since the
     * last auto commit, at most {@code interval × processing rate} plus one poll's records.
     *
     * @param interval the commit interval; empty to use the consumer settings' interval
     */
    record Auto(Optional<Duration> interval) implements CommitMode {
        /**
         * Validates the interval.
         *
         * @param interval the commit interval; empty to use the settings' interval
         * @throws IllegalArgumentException if the interval is zero or negative
         */
        public Auto {
            Objects.requireNonNull(interval, "interval");
            interval.ifPresent(d -> {
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("auto commit interval must be positive: " + d);
                }
            });
        }
    }

    /**
     * After the handler returns for a round (one poll's records, or the part of them the liveness
     * budget allows), {@code commitSync} of exactly the processed offsets: last processed offset + 1
     * per partition.
     *
     * <p>Guarantee: at least once. Duplicate window after a crash: the records of the round in flight,
     * at most {@code max.poll.records}.
     */
    enum SyncPerBatch implements CommitMode {
        /** The only instance. */
        INSTANCE
    }

    /**
     * {@code commitSync} after every processed record. The slowest mode: one broker round trip per
     * record.
     *
     * <p>Guarantee: at least once. Duplicate window after a crash: one record (the one being processed
     * or whose commit was in flight).
     */
    enum SyncPerRecord implements CommitMode {
        /** The only instance. */
        INSTANCE
    }

    /**
     * {@code commitAsync} after every round, with at most one commit in flight: if the previous async
     * commit has not been acknowledged when the next round ends, that round commits synchronously. A
     * final {@code commitSync} runs on revocation and on close.
     *
     * <p>Guarantee: at least once. Duplicate window after a crash: the round in flight plus the round
     * whose commit was unacknowledged, at most {@code 2 × max.poll.records}.
     */
    enum Async implements CommitMode {
        /** The only instance. */
        INSTANCE
    }

    /**
     * The application stores offsets itself, in the same database transaction as the work (the
     * handler stores {@code record.offset() + 1}, or {@link ConsumerBatch#nextOffsets()}). On every
     * assignment the consumer loads the stored offsets through the {@link OffsetStore} and seeks to
     * them; partitions without a stored offset start from the {@link StartPositionStrategy} (by
     * default the group's committed offset or {@code auto.offset.reset}). Nothing is committed to
     * Kafka unless {@code mirrorToKafka} is set, in which case the processed offsets are also
     * committed asynchronously for monitoring (lag tools) only; the store stays authoritative.
     *
     * <p>Guarantee: exactly once for effects inside the application's transaction. Duplicate window:
     * none, provided work and offsets commit atomically.
     *
     * @param store the application's offset store; not closed by the consumer
     * @param mirrorToKafka also commit processed offsets to Kafka, asynchronously
     */
    record External(OffsetStore store, boolean mirrorToKafka) implements CommitMode {
        /**
         * Validates the store.
         *
         * @param store the offset store
         * @param mirrorToKafka whether to mirror offsets to Kafka
         */
        public External {
            Objects.requireNonNull(store, "store");
        }

        /**
         * The same store, with processed offsets also committed to Kafka for monitoring.
         *
         * @return a mirroring copy of this mode
         */
        public External mirrored() {
            return new External(store, true);
        }
    }

    /**
     * Consume-transform-produce in Kafka transactions. For every round the consumer begins a
     * transaction on the sink, runs the handler (which sends its output through the same sink), adds
     * the round's next offsets with {@code sendOffsetsToTransaction(offsets,
     * consumer.groupMetadata())} and commits. The consumer reads with {@code
     * isolation.level=read_committed}. On any failure it aborts the transaction and rewinds every
     * partition of the round to its last committed offset, then retries per the
     * {@link FailurePolicy}.
     *
     * <p>Guarantee: exactly once for output records and offsets (readers use {@code read_committed}).
     * Duplicate window: none in committed output; side effects outside Kafka are at least once.
     *
     * @param sink the transactional output; not closed by the consumer
     */
    record Transactional(TransactionalSink<?, ?> sink) implements CommitMode {
        /**
         * Validates the sink.
         *
         * @param sink the transactional output
         */
        public Transactional {
            Objects.requireNonNull(sink, "sink");
        }
    }

    /**
     * Commits nothing to Kafka. Positions come from the {@link StartPositionStrategy}; on restart the
     * group's old committed offset (if any) or {@code auto.offset.reset} applies. Works without a
     * group id.
     *
     * <p>Guarantee: none across restarts (at most once or at least once depending on the start
     * position).
     */
    enum None implements CommitMode {
        /** The only instance. */
        INSTANCE
    }
}
