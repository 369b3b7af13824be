package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.producer.SendCallback;
import dev.kafkasdk.producer.SendResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of one send. kafka-clients calls it as a {@link Callback} on its I/O thread (or on
 * the sending thread when {@code send} fails at once); it gives back the in-flight permit and
 * hands itself, as a {@link Runnable}, to the completion executor, which translates a failure,
 * updates meters, circuit breaker and fatal state, and completes the future or runs the user's
 * callback. It completes exactly once even if kafka-clients both calls back and throws.
 */
final class SendCompletion extends CompletionExecutor.Task implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(SendCompletion.class);
    private static final AtomicIntegerFieldUpdater<SendCompletion> DONE =
            AtomicIntegerFieldUpdater.newUpdater(SendCompletion.class, "done");

    private final SendContext context;
    private final String topic;
    private final Object key;
    /** The caller's {@link CompletableFuture} or {@link SendCallback}. */
    private final Object listener;

    private final long startNanos;
    private final boolean holdsPermits;
    private boolean synchronous;
    private volatile int done;
    private Thread sendingThread;
    /** 0: report every failure; 1: hold back a missing-metadata failure; 2: also buffer full. */
    private int deferMode;

    private boolean deferred;
    /**
     * What happened, set once before the task is queued: kafka-clients' {@link RecordMetadata} or
     * {@link Exception}, or a {@link Refused} for a send that never reached kafka-clients.
     */
    private Object outcome;

    /** A send the SDK failed itself, with the error type its meters record. */
    private record Refused(KafkaSdkException failure, String type) {}

    SendCompletion(
            SendContext context, String topic, Object key, Object listener, long startNanos, boolean holdsPermits) {
        this.context = context;
        this.topic = topic;
        this.key = key;
        this.listener = listener;
        this.startNanos = startNanos;
        this.holdsPermits = holdsPermits;
    }

    /** Marks the thread that is about to call {@code send}, to tell an immediate failure apart. */
    void sending(Thread thread) {
        this.sendingThread = thread;
        this.deferMode = 0;
    }

    /**
     * Marks the current thread as about to call {@code send}, and asks that an immediate failure
     * for lack of metadata (and, if {@code alsoBufferFull}, of buffer space) be held back rather
     * than reported, so the record can wait in its topic's lane; see {@link #takeDeferred()}.
     */
    void sendingDeferrable(boolean alsoBufferFull) {
        this.sendingThread = Thread.currentThread();
        this.deferMode = alsoBufferFull ? 2 : 1;
    }

    /** Whether the last {@code send} was held back (and not completed); clears the mark. */
    boolean takeDeferred() {
        boolean result = deferred;
        deferred = false;
        return result;
    }

    /** The record's key, for messages. */
    Object key() {
        return key;
    }

    /**
     * Fails a send that holds its permits but never reached kafka-clients (it waited for metadata
     * in vain, or its topic's lane was full): gives back the permits, tells the circuit breaker.
     */
    void failHeld(KafkaSdkException failure, String type) {
        if (DONE.compareAndSet(this, 0, 1)) {
            this.outcome = new Refused(failure, type);
            if (holdsPermits) {
                context.limiter().release();
            }
            context.executor().execute(this);
        }
    }

    /**
     * Fails a send that never reached kafka-clients (closed, unusable, serializer, size, circuit
     * breaker, in-flight cap). No permit is held; the circuit breaker is not told.
     */
    void failBeforeSend(KafkaSdkException preSendFailure, String type) {
        if (DONE.compareAndSet(this, 0, 1)) {
            this.outcome = new Refused(preSendFailure, type);
            context.executor().execute(this);
        }
    }

    @Override
    public void onCompletion(RecordMetadata recordMetadata, Exception exception) {
        if (deferMode != 0
                && exception instanceof TimeoutException
                && Thread.currentThread() == sendingThread
                && (deferMode == 2 || !(exception instanceof BufferExhaustedException))) {
            deferred = true;
            return;
        }
        if (!DONE.compareAndSet(this, 0, 1)) {
            return;
        }
        // a failed send may carry metadata too (its partition); the exception decides
        this.outcome = exception != null ? new Failed(recordMetadata, exception) : recordMetadata;
        this.synchronous = Thread.currentThread() == sendingThread;
        if (holdsPermits) {
            context.limiter().release();
        }
        context.executor().execute(this);
    }

    /** A send kafka-clients failed, with the partition when it knew it. */
    private record Failed(RecordMetadata metadata, Exception error) {}

    @Override
    public void run() {
        KafkaSdkException failure;
        String errorType;
        if (outcome instanceof RecordMetadata metadata) {
            SendResult result = new SendResult(
                    topic,
                    metadata.partition(),
                    metadata.offset(),
                    context.timestamps().of(metadata.hasTimestamp() ? metadata.timestamp() : 0L));
            context.metrics().succeeded(topic, startNanos);
            context.health().contact();
            if (holdsPermits) {
                context.gate().onSuccess(startNanos);
            }
            deliver(result, null);
            return;
        }
        if (outcome instanceof Refused refused) {
            failure = refused.failure();
            errorType = refused.type();
        } else {
            Failed failed = (Failed) outcome;
            int partition = failed.metadata() == null ? -1 : failed.metadata().partition();
            failure = context.failures().translate(failed.error(), topic, partition, key, synchronous);
            Throwable cause = failure.getCause() == null ? failed.error() : failure.getCause();
            errorType = cause.getClass().getSimpleName();
        }
        context.metrics().failed(topic, errorType, startNanos);
        if (holdsPermits) {
            context.gate().onFailure(startNanos, failure);
            context.fatal().record(failure);
        }
        deliver(null, failure);
    }

    @SuppressWarnings("unchecked")
    private void deliver(SendResult result, KafkaSdkException failure) {
        if (listener instanceof CompletableFuture<?> future) {
            if (failure == null) {
                ((CompletableFuture<SendResult>) future).complete(result);
            } else {
                future.completeExceptionally(failure);
            }
            return;
        }
        try {
            ((SendCallback) listener).onCompletion(result, failure);
        } catch (RuntimeException e) {
            LOG.warn("Send callback for topic {} threw; the exception is ignored", topic, e);
        }
    }
}
