package dev.kafkasdk.producer;

/**
 * Work done inside a transaction that returns nothing; see
 * {@link TransactionalProducer#runInTransaction(TransactionAction)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
@FunctionalInterface
public interface TransactionAction<K, V> {

    /**
     * Sends records (and offsets) through the transaction. Throwing aborts the transaction.
     *
     * @param transaction the open transaction
     * @throws Exception to abort the transaction; it is rethrown to the caller
     */
    void execute(Transaction<K, V> transaction) throws Exception;
}
