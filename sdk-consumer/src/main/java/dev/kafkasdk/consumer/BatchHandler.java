package dev.kafkasdk.consumer;

/**
 * Processes the records of one poll (or of a part of one poll, see {@link LivenessOptions}) at once.
 *
 * <p>Threading: the handler runs on the consumer's poll thread and never concurrently with itself.
 * The whole batch succeeds or fails together: when {@link #handle} returns, every record in it is
 * completed; when it throws, none is, and the {@link FailurePolicy} retries the same records after a
 * backoff, then dead-letters, skips or stops on the whole batch.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
@FunctionalInterface
public interface BatchHandler<K, V> {

    /**
     * Processes a batch.
     *
     * @param batch the records, never empty; valid only during this call
     * @throws Exception any failure; the batch is then handled as a unit by the {@link FailurePolicy}
     */
    void handle(ConsumerBatch<K, V> batch) throws Exception;
}
