package dev.kafkasdk.producer;

/**
 * Work done inside a transaction that returns a result; see
 * {@link TransactionalProducer#callInTransaction(TransactionFunction)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <R> the result type
 * @since 0.1
 */
@FunctionalInterface
public interface TransactionFunction<K, V, R> {

    /**
     * Sends records (and offsets) through the transaction and returns a result, which the caller
     * receives only if the transaction commits. Throwing aborts the transaction.
     *
     * @param transaction the open transaction
     * @return the result
     * @throws Exception to abort the transaction; it is rethrown to the caller
     */
    R apply(Transaction<K, V> transaction) throws Exception;
}
