package dev.kafkasdk.producer;

import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.transaction.TransactionalSink;
import org.apache.kafka.common.serialization.Serde;

/**
 * A producer whose records become visible atomically, in transactions. Requires a
 * {@code transactional-id} in the producer configuration; creating it registers that id with
 * the cluster ({@code initTransactions}), which fences any older producer with the same id and
 * blocks up to {@code max.block.ms}. Transactions need {@code max.block.ms} for
 * {@code initTransactions} and commits, so a transactional producer's {@code send} keeps
 * kafka-clients' blocking behaviour (as with {@code blocking-send: true}): it may block up to
 * {@code max.block.ms} for metadata or buffer space.
 *
 * <pre>{@code
 * try (TransactionalProducer<String, String> producer = TransactionalProducer.create(
 *     config.producer("ledger"), Serdes.string(), Serdes.string())) {
 *   producer.runInTransaction(tx -> {
 *     tx.send("debits", account, amount);
 *     tx.send("credits", other, amount);
 *   });
 * }
 * }</pre>
 *
 * <p><b>Failures.</b> If the work throws, or the commit fails (for example because one of the
 * transaction's sends failed), the transaction is aborted and the exception rethrown: a
 * {@link dev.kafkasdk.core.KafkaSdkException} as it is, any other unchecked exception as it is,
 * a checked exception wrapped in a {@code KafkaSdkException}. If another producer with the same
 * transactional id fenced this one, or another fatal error occurs, this producer closes itself
 * and throws a {@link dev.kafkasdk.core.FatalKafkaSdkException}; create a new producer. If the
 * commit times out ({@code max.block.ms}) its outcome is unknown: the producer closes itself
 * and throws a {@link dev.kafkasdk.core.FatalKafkaSdkException} saying so; a new producer with
 * the same transactional id settles the pending transaction when it starts.
 *
 * <p><b>Threading.</b> One transaction at a time: {@code runInTransaction} calls from several
 * threads run one after another. The {@link TransactionalSink} methods are for a single
 * thread (the consumer's poll loop) and must not be mixed with concurrent
 * {@code runInTransaction} calls.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface TransactionalProducer<K, V> extends SdkProducer<K, V>, TransactionalSink<K, V> {

    /**
     * Creates a transactional producer with default options.
     *
     * @param settings producer settings with a transactional id
     * @param keySerde turns keys into bytes
     * @param valueSerde turns values into bytes
     * @param <K> the key type
     * @param <V> the value type
     * @return a producer ready for transactions; close it when done
     * @throws dev.kafkasdk.core.ConfigException if the settings have no transactional id
     * @throws dev.kafkasdk.core.KafkaSdkException if {@code initTransactions} fails
     */
    static <K, V> TransactionalProducer<K, V> create(
            ProducerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        return SdkProducer.builder(settings, keySerde, valueSerde).buildTransactional();
    }

    /**
     * Runs the work in a new transaction and commits it, or aborts it if the work or the commit
     * fails, then rethrows. Blocks until the commit or abort completes.
     *
     * @param work sends records and offsets through the transaction
     * @throws dev.kafkasdk.core.KafkaSdkException if the transaction could not be committed
     */
    void runInTransaction(TransactionAction<K, V> work);

    /**
     * Like {@link #runInTransaction(TransactionAction)}, returning the work's result once the
     * transaction is committed.
     *
     * @param work sends records and offsets and returns a result
     * @param <R> the result type
     * @return the work's result
     * @throws dev.kafkasdk.core.KafkaSdkException if the transaction could not be committed
     */
    <R> R callInTransaction(TransactionFunction<K, V, R> work);

    /**
     * The configured {@code transactional.id}.
     *
     * @return the transactional id
     */
    String transactionalId();
}
