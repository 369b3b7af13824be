package dev.kafkasdk.producer;

import dev.kafkasdk.core.KafkaSdkException;
import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of one send, for callers who prefer a callback to a
 * {@link java.util.concurrent.CompletableFuture}.
 *
 * <p>Threading: runs on the producer's completion executor (see
 * {@link SdkProducerBuilder#completionExecutor(java.util.concurrent.Executor)}), never on Kafka's I/O thread, so it may block
 * without stalling other sends, although a slow callback delays the callbacks queued behind it
 * on the SDK's default single-thread executor. An exception thrown by the callback is logged and
 * otherwise ignored.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SendCallback {

    /**
     * Called exactly once per send.
     *
     * @param result where the record was stored, or {@code null} if the send failed
     * @param failure why the send failed, or {@code null} if it succeeded; a
     *     {@link dev.kafkasdk.core.RetriableKafkaSdkException} when trying again later may work
     */
    void onCompletion(@Nullable SendResult result, @Nullable KafkaSdkException failure);
}
