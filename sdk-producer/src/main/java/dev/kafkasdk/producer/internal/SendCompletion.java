package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.producer.SendCallback;
import dev.kafkasdk.producer.SendResult;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
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
  private final CompletableFuture<SendResult> future;
  private final SendCallback callback;
  private final long startNanos;
  private final boolean holdsPermits;
  private volatile int done;
  private Thread sendingThread;
  private RecordMetadata metadata;
  private Exception error;
  private boolean synchronous;
  private KafkaSdkException failure;
  private String errorType;

  SendCompletion(SendContext context, String topic, Object key,
      CompletableFuture<SendResult> future, SendCallback callback, long startNanos,
      boolean holdsPermits) {
    this.context = context;
    this.topic = topic;
    this.key = key;
    this.future = future;
    this.callback = callback;
    this.startNanos = startNanos;
    this.holdsPermits = holdsPermits;
  }

  /** Marks the thread that is about to call {@code send}, to tell an immediate failure apart. */
  void sending(Thread thread) {
    this.sendingThread = thread;
  }

  /**
   * Fails a send that never reached kafka-clients (closed, unusable, serializer, size, circuit
   * breaker, in-flight cap). No permit is held; the circuit breaker is not told.
   */
  void failBeforeSend(KafkaSdkException preSendFailure, String type) {
    if (DONE.compareAndSet(this, 0, 1)) {
      this.failure = preSendFailure;
      this.errorType = type;
      context.executor().execute(this);
    }
  }

  @Override
  public void onCompletion(RecordMetadata recordMetadata, Exception exception) {
    if (!DONE.compareAndSet(this, 0, 1)) {
      return;
    }
    this.metadata = recordMetadata;
    this.error = exception;
    this.synchronous = Thread.currentThread() == sendingThread;
    if (holdsPermits) {
      context.limiter().release();
    }
    context.executor().execute(this);
  }

  @Override
  public void run() {
    if (failure == null && error != null) {
      int partition = metadata == null ? -1 : metadata.partition();
      failure = context.failures().translate(error, topic, partition, key, synchronous);
      Throwable cause = failure.getCause() == null ? error : failure.getCause();
      errorType = cause.getClass().getSimpleName();
    }
    SendResult result = null;
    if (failure == null) {
      result = new SendResult(metadata.topic(), metadata.partition(), metadata.offset(),
          metadata.hasTimestamp() ? Instant.ofEpochMilli(metadata.timestamp()) : Instant.EPOCH);
      context.metrics().succeeded(topic, startNanos);
      if (holdsPermits) {
        context.gate().onSuccess(startNanos);
      }
    } else {
      context.metrics().failed(topic, errorType, startNanos);
      if (holdsPermits) {
        context.gate().onFailure(startNanos, failure);
        context.fatal().record(failure);
      }
    }
    deliver(result);
  }

  private void deliver(SendResult result) {
    if (future != null) {
      if (failure == null) {
        future.complete(result);
      } else {
        future.completeExceptionally(failure);
      }
    }
    if (callback != null) {
      try {
        callback.onCompletion(result, failure);
      } catch (RuntimeException e) {
        LOG.warn("Send callback for topic {} threw; the exception is ignored", topic, e);
      }
    }
  }
}
