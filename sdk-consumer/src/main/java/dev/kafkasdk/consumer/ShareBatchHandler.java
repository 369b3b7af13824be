package dev.kafkasdk.consumer;

/**
 * Processes the records of one share consumer poll at once, deciding an outcome per record.
 *
 * <p>Threading: the handler runs on one worker thread of the {@link SdkShareConsumer}, one batch at
 * a time; acknowledgements go back through the consumer's poll thread. When {@link #handle} returns,
 * each record takes the outcome set on the batch ({@link ShareBatch#outcome}), {@link
 * ShareOutcome#ACCEPT} if none was set. When it throws, records with an outcome set keep it and the
 * others count as failed deliveries (RELEASE while attempts remain and the builder's {@code retryOn}
 * accepts the failure, otherwise the {@code on-exhausted} action). Work longer than half the
 * acquisition lock is covered by lock renewal (RENEW), as for record handlers.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.2
 */
@FunctionalInterface
public interface ShareBatchHandler<K, V> {

    /**
     * Processes a batch.
     *
     * @param batch the records, never empty; valid only during this call
     * @throws Exception any failure; see the type's description for what happens to each record
     */
    void handle(ShareBatch<K, V> batch) throws Exception;
}
