package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.Ordering;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one record on a worker thread: deserializes it, calls the handler, and on failure decides
 * between a retry after a backoff and the failure policy's final action. Holds no lock and keeps no
 * state besides the record's own retry context.
 */
final class RecordRunner<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRunner.class);

    /** What became of a record. */
    enum Outcome {
        /** Handled, dead-lettered or skipped: it counts as completed. */
        COMPLETED,
        /** Failed; retry after {@code item.retryDelayMillis}. */
        RETRY,
        /** The consumer must stop; the record stays incomplete. */
        STOPPED
    }

    private final Ordering ordering;
    private final RecordHandler<K, V> handler;
    private final RecordDecoder<K, V> decoder;
    private final FailureResolver resolver;
    private final FailureAction poisonAction;
    private final FailureAction exhaustedAction;
    private final Retry retry;
    private final ConcurrencyMeters meters;
    private final Consumer<Throwable> fail;
    private final BooleanSupplier closing;

    RecordRunner(
            Ordering ordering,
            RecordHandler<K, V> handler,
            RecordDecoder<K, V> decoder,
            FailureResolver resolver,
            FailureAction poisonAction,
            FailureAction exhaustedAction,
            Retry retry,
            ConcurrencyMeters meters,
            Consumer<Throwable> fail,
            BooleanSupplier closing) {
        this.ordering = ordering;
        this.handler = handler;
        this.closing = closing;
        this.decoder = decoder;
        this.resolver = resolver;
        this.poisonAction = poisonAction;
        this.exhaustedAction = exhaustedAction;
        this.retry = retry;
        this.meters = meters;
        this.fail = fail;
    }

    Outcome run(PartitionWork.Item item) {
        ConsumerRecord<byte[], byte[]> raw = item.raw;
        long start = System.nanoTime();
        meters.waited(start - item.readyNanos);
        ConsumerRecord<K, V> record;
        try {
            record = decoder.decode(raw);
        } catch (RecordDecoder.DecodeException e) {
            return giveUp(item, DeadLetter.Reason.DESERIALIZATION, e, poisonAction);
        }
        try {
            handler.handle(record);
            meters.handled(System.nanoTime() - start);
            return Outcome.COMPLETED;
        } catch (Exception e) {
            meters.handled(System.nanoTime() - start);
            if (item.retry == null) {
                item.retry = retry.asyncContext();
            }
            long delay = item.retry.onError(e);
            if (delay < 0) {
                return giveUp(item, DeadLetter.Reason.HANDLER, e, exhaustedAction);
            }
            item.retryDelayMillis = delay;
            if (closing.getAsBoolean()) {
                LOG.info(
                        "Handler failed on {}-{}@{} while the consumer closes: {}; not retried, it stays "
                                + "uncommitted and is delivered again",
                        raw.topic(),
                        raw.partition(),
                        raw.offset(),
                        e.toString());
                return Outcome.RETRY;
            }
            meters.retryScheduled();
            LOG.warn(
                    "Handler failed on {}-{}@{}: {}; retrying in {} ms (only its {} waits)",
                    raw.topic(),
                    raw.partition(),
                    raw.offset(),
                    e.toString(),
                    delay,
                    ordering == Ordering.PARTITION ? "partition" : "key");
            return Outcome.RETRY;
        }
    }

    private Outcome giveUp(PartitionWork.Item item, DeadLetter.Reason reason, Exception cause, FailureAction action) {
        try {
            resolver.giveUp(List.of(item.raw), reason, cause, action);
            return Outcome.COMPLETED;
        } catch (StopConsumerException e) {
            fail.accept(e.reason());
            return Outcome.STOPPED;
        }
    }
}
