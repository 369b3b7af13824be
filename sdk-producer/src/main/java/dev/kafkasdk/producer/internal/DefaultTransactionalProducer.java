package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.producer.Transaction;
import dev.kafkasdk.producer.TransactionAction;
import dev.kafkasdk.producer.TransactionFunction;
import dev.kafkasdk.producer.TransactionalProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producer: the plain producer's send path plus begin, offsets, commit and
 * abort with fencing and fatal-error handling.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class DefaultTransactionalProducer<K, V> extends DefaultSdkProducer<K, V>
        implements TransactionalProducer<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTransactionalProducer.class);

    private final String transactionalId;
    private final ReentrantLock transactionLock = new ReentrantLock();

    DefaultTransactionalProducer(ProducerParts<K, V> parts, String transactionalId) {
        super(parts);
        this.transactionalId = transactionalId;
    }

    /** Registers the transactional id with the cluster; closes this producer if that fails. */
    void initTransactions() {
        try {
            kafka().initTransactions();
        } catch (RuntimeException e) {
            KafkaSdkException failure = translate("initTransactions", e);
            close(Duration.ZERO);
            throw failure;
        }
    }

    @Override
    public String transactionalId() {
        return transactionalId;
    }

    @Override
    public void runInTransaction(TransactionAction<K, V> work) {
        Objects.requireNonNull(work, "work");
        callInTransaction(tx -> {
            work.execute(tx);
            return null;
        });
    }

    @Override
    public <R> R callInTransaction(TransactionFunction<K, V, R> work) {
        Objects.requireNonNull(work, "work");
        transactionLock.lock();
        try {
            beginTransaction();
            OpenTransaction transaction = new OpenTransaction();
            R result;
            try {
                result = work.apply(transaction);
            } catch (Exception e) {
                transaction.end();
                abortAfter(e);
                throw e instanceof RuntimeException runtime
                        ? runtime
                        : KafkaSdkException.builder("Transaction of transactional.id '" + transactionalId
                                        + "' aborted: its work threw " + e)
                                .clientId(clientId())
                                .cause(e)
                                .build();
            } catch (Error e) {
                transaction.end();
                abortAfter(e);
                throw e;
            }
            transaction.end();
            commitOrAbort();
            return result;
        } finally {
            transactionLock.unlock();
        }
    }

    /**
     * Commits; if that fails, aborts. When the abort shows the producer was fenced (with
     * transaction protocol v2 a fenced producer's commit first reports an old epoch), the fatal
     * abort failure is thrown, carrying the commit failure as suppressed.
     */
    private void commitOrAbort() {
        try {
            commitTransaction();
        } catch (FatalKafkaSdkException e) {
            throw e;
        } catch (KafkaSdkException e) {
            KafkaSdkException abortFailure = tryAbort();
            if (abortFailure instanceof FatalKafkaSdkException) {
                abortFailure.addSuppressed(e);
                throw abortFailure;
            }
            if (abortFailure != null) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** Aborts after the work failed; an abort failure is attached to the work's exception. */
    private void abortAfter(Throwable original) {
        KafkaSdkException abortFailure = tryAbort();
        if (abortFailure != null) {
            original.addSuppressed(abortFailure);
        }
    }

    private KafkaSdkException tryAbort() {
        if (isClosed()) {
            return null;
        }
        try {
            abortTransaction();
            return null;
        } catch (KafkaSdkException abortFailure) {
            return abortFailure;
        }
    }

    @Override
    public void beginTransaction() {
        ensureUsable("beginTransaction");
        try {
            kafka().beginTransaction();
        } catch (RuntimeException e) {
            throw fail("beginTransaction", e);
        }
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
        Objects.requireNonNull(record, "record");
        OutgoingRecord.Builder<K, V> builder =
                OutgoingRecord.<K, V>builder(record.topic()).key(record.key()).value(record.value());
        if (record.partition() != null) {
            builder.partition(record.partition());
        }
        if (record.timestamp() != null) {
            builder.timestamp(Instant.ofEpochMilli(record.timestamp()));
        }
        for (Header header : record.headers()) {
            builder.header(header.key(), header.value());
        }
        return send(builder.build()).thenApply(DefaultTransactionalProducer::toMetadata);
    }

    private static RecordMetadata toMetadata(SendResult result) {
        return new RecordMetadata(
                new TopicPartition(result.topic(), result.partition()),
                result.offset(),
                0,
                result.timestamp().toEpochMilli(),
                -1,
                -1);
    }

    @Override
    public void sendOffsetsToTransaction(
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(groupMetadata, "groupMetadata");
        ensureUsable("sendOffsetsToTransaction");
        try {
            kafka().sendOffsetsToTransaction(offsets, groupMetadata);
        } catch (RuntimeException e) {
            throw fail("sendOffsetsToTransaction", e);
        }
    }

    @Override
    public void commitTransaction() {
        ensureUsable("commitTransaction");
        try {
            kafka().commitTransaction();
        } catch (TimeoutException e) {
            KafkaSdkException failure = KafkaSdkException.builder("Commit of transactional.id '"
                            + transactionalId + "' did not complete within max.block.ms; its outcome is unknown"
                            + " (it may still commit). The producer was closed; a new producer with the same"
                            + " transactional.id settles the pending transaction when it starts")
                    .clientId(clientId())
                    .cause(e)
                    .fatal();
            context().fatal().record(failure);
            close(Duration.ZERO);
            throw failure;
        } catch (RuntimeException e) {
            throw fail("commitTransaction", e);
        }
    }

    @Override
    public void abortTransaction() {
        ensureUsable("abortTransaction");
        try {
            kafka().abortTransaction();
        } catch (RuntimeException e) {
            throw fail("abortTransaction", e);
        }
    }

    private void ensureUsable(String operation) {
        if (isClosed()) {
            throw KafkaSdkException.builder(
                            operation + " on transactional.id '" + transactionalId + "' failed: the producer is closed")
                    .clientId(clientId())
                    .fatal();
        }
        KafkaSdkException fatal = context().fatal().get();
        if (fatal != null) {
            close(Duration.ZERO);
            throw KafkaSdkException.builder(operation + " on transactional.id '" + transactionalId
                            + "' failed: the producer is unusable since an earlier fatal error ("
                            + fatal.getMessage() + "); create a new producer")
                    .clientId(clientId())
                    .cause(fatal)
                    .fatal();
        }
    }

    /** Translates a transactional failure; a fatal one closes the producer. */
    private KafkaSdkException fail(String operation, RuntimeException error) {
        KafkaSdkException failure = translate(operation, error);
        if (failure instanceof FatalKafkaSdkException) {
            context().fatal().record(failure);
            if (!isClosed()) {
                LOG.error(
                        "Closing producer {} (transactional.id '{}') after a fatal error in {}",
                        clientId(),
                        transactionalId,
                        operation);
                close(Duration.ZERO);
            }
        }
        return failure;
    }

    private KafkaSdkException translate(String operation, RuntimeException error) {
        Throwable cause = KafkaErrors.significantCause(error);
        String hint = context().failures().hint(cause);
        return KafkaSdkException.builder(operation + " on transactional.id '" + transactionalId + "' failed: "
                        + error.getMessage() + hint)
                .clientId(clientId())
                .cause(cause)
                .build();
    }

    /** The handle given to transaction work; refuses use after the work returned. */
    private final class OpenTransaction implements Transaction<K, V> {
        private volatile boolean open = true;

        void end() {
            open = false;
        }

        @Override
        public CompletableFuture<SendResult> send(OutgoingRecord<K, V> record) {
            if (!open) {
                return CompletableFuture.failedFuture(KafkaSdkException.builder("Send to topic '" + record.topic()
                                + "' refused: the transaction it was given to has ended")
                        .topic(record.topic())
                        .clientId(clientId())
                        .build());
            }
            return DefaultTransactionalProducer.this.send(record);
        }

        @Override
        public void sendOffsets(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
            if (!open) {
                throw KafkaSdkException.builder("sendOffsets refused: the transaction has ended")
                        .clientId(clientId())
                        .build();
            }
            sendOffsetsToTransaction(offsets, groupMetadata);
        }
    }
}
