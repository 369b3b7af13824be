package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.HealthEvents;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendCallback;
import dev.kafkasdk.producer.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK producer over one kafka-clients {@link Producer} of bytes. Thread-safe: any number of
 * threads may send at once, as with {@code KafkaProducer}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class DefaultSdkProducer<K, V> implements SdkProducer<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSdkProducer.class);

    private final String clientId;
    private final Producer<byte[], byte[]> kafka;
    private final RecordEncoder<K, V> encoder;
    private final SendContext context;
    private final AutoCloseable clientMetrics;
    private final PendingTopics pending;
    private final HealthEvents health;
    private final MetadataAge metadataAge;
    private final SendObservations observations;
    private final ClientInstanceIdLookup instanceId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closedInTime;

    DefaultSdkProducer(ProducerParts<K, V> parts) {
        this.clientId = parts.clientId();
        this.kafka = parts.kafka();
        this.encoder = parts.encoder();
        this.context = parts.context();
        this.clientMetrics = parts.clientMetrics();
        this.pending = parts.pending();
        this.health = parts.health();
        this.metadataAge = MetadataAge.of(kafka);
        this.observations = parts.observations();
        this.instanceId = parts.instanceId();
        health.emit(HealthEvent.Type.STARTED);
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord<K, V> record) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        dispatch(record, future, null);
        return future;
    }

    @Override
    public void send(OutgoingRecord<K, V> record, SendCallback callback) {
        dispatch(record, null, Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public SendResult sendAndWait(OutgoingRecord<K, V> record, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (context.executor().isCompletionThread()) {
            throw new IllegalStateException("sendAndWait was called on the producer's completion"
                    + " thread, which would wait for itself; use send(...) with a callback there");
        }
        CompletableFuture<SendResult> future = send(record);
        return await(future, timeout, record);
    }

    private SendResult await(CompletableFuture<SendResult> future, Duration timeout, OutgoingRecord<K, V> record) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (KafkaSdkException) e.getCause();
        } catch (TimeoutException e) {
            throw KafkaSdkException.builder("Send to topic '" + record.topic() + "' (key "
                            + FailureTranslator.renderKey(record.key()) + ") was not acknowledged within "
                            + timeout + " (sendAndWait); the record may still be delivered later")
                    .topic(record.topic())
                    .clientId(clientId)
                    .cause(e)
                    .retriable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaSdkException.builder("Interrupted while waiting for the send to topic '" + record.topic()
                            + "'; the record may still be delivered")
                    .topic(record.topic())
                    .clientId(clientId)
                    .cause(new InterruptException(e))
                    .build();
        }
    }

    /**
     * Runs one send. Every path ends in exactly one completion on the completion executor:
     * nothing is thrown at the caller except for a null record.
     */
    private void dispatch(OutgoingRecord<K, V> record, CompletableFuture<SendResult> future, SendCallback callback) {
        Objects.requireNonNull(record, "record");
        long start = context.timing() ? System.nanoTime() : 0L;
        String topic = record.topic();
        K key = record.key();
        Refusal refusal = closed.get()
                ? Refusal.PRODUCER_CLOSED
                : context.fatal().get() != null ? Refusal.PRODUCER_UNUSABLE : null;
        if (refusal != null) {
            refuse(refusal, topic, key, listener(future, callback), start);
            return;
        }
        ProducerRecord<byte[], byte[]> raw;
        try {
            raw = encoder.encode(record);
        } catch (KafkaSdkException e) {
            early(topic, key, listener(future, callback), start)
                    .failBeforeSend(e, e.getCause().getClass().getSimpleName());
            return;
        }
        Object listener = listener(future, callback);
        if (observations != null) {
            listener = observations.start(raw, listener);
        }
        refusal = admit();
        if (refusal != null) {
            refuse(refusal, topic, key, listener, start);
            return;
        }
        SendCompletion completion = new SendCompletion(context, topic, key, listener, start, true);
        if (pending == null) {
            completion.sending(Thread.currentThread());
            handOver(raw, completion);
            return;
        }
        if (!pending.direct(topic) && pending.offer(raw, completion, false)) {
            return;
        }
        completion.sendingDeferrable(false);
        handOver(raw, completion);
        if (completion.takeDeferred()) {
            // kafka-clients has no metadata for the topic: the record waits in the topic's lane
            pending.offer(raw, completion, true);
        }
    }

    private void handOver(ProducerRecord<byte[], byte[]> raw, SendCompletion completion) {
        try {
            kafka.send(raw, completion);
        } catch (RuntimeException e) {
            completion.onCompletion(null, e);
        } finally {
            completion.sending(null);
        }
    }

    private void refuse(Refusal refusal, String topic, K key, Object listener, long start) {
        KafkaSdkException failure = context.failures()
                .refused(
                        refusal,
                        topic,
                        key,
                        context.fatal().get(),
                        context.gate(),
                        context.limiter().limit());
        early(topic, key, listener, start).failBeforeSend(failure, refusal.tag());
    }

    private SendCompletion early(String topic, K key, Object listener, long start) {
        return new SendCompletion(context, topic, key, listener, start, false);
    }

    private static Object listener(CompletableFuture<SendResult> future, SendCallback callback) {
        return future != null ? future : callback;
    }

    /** Takes the circuit breaker and in-flight permits; returns why not, or null. */
    private Refusal admit() {
        BreakerGate gate = context.gate();
        if (!gate.tryAcquire()) {
            return Refusal.CIRCUIT_OPEN;
        }
        try {
            if (context.limiter().acquire()) {
                return null;
            }
            gate.release();
            return Refusal.IN_FLIGHT_CAP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gate.release();
            return Refusal.INTERRUPTED;
        }
    }

    @Override
    public void flush() {
        if (closed.get()) {
            return;
        }
        if (pending != null) {
            try {
                pending.awaitEmpty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
        kafka.flush();
        context.executor().awaitQueued();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public boolean close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!closed.compareAndSet(false, true)) {
            return closedInTime;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean clean = false;
        try {
            if (pending != null) {
                // records waiting for metadata get what is left of the timeout; the rest fail
                awaitPending(deadline);
                pending.close();
            }
            kafka.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            // kafka-clients force-closes (failing what is unsent) once the timeout is spent
            clean = deadline - System.nanoTime() > 0;
        } catch (RuntimeException e) {
            LOG.warn("Closing producer {} failed", clientId, e);
        } finally {
            closeClientMetrics();
            long remaining = Math.max(0, deadline - System.nanoTime());
            clean &= context.executor()
                    .shutdown(Duration.ofNanos(Math.max(remaining, TimeUnit.MILLISECONDS.toNanos(100))));
            closedInTime = clean;
            health.emit(HealthEvent.Type.STOPPED);
            health.close(Duration.ofMillis(Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        }
        return clean;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A producer is {@code READY} (state {@code OPEN}) from creation, since kafka-clients
     * connects on demand; {@code NOT_READY} (still {@code OPEN}) while authentication failures
     * count as passing ({@code cluster.authentication-retry-timeout}), the last of them the cause;
     * {@code FAILED} (state {@code UNUSABLE}) after a fatal error, which is the cause;
     * {@code STOPPED} (state {@code CLOSED}) once closed. Its last contact is the later of
     * the last metadata response and the last acknowledged record.
     */
    @Override
    public ClientHealth health() {
        Instant now = health.now();
        KafkaSdkException fatal = context.fatal().get();
        ClientHealth.Status status;
        String state;
        if (closed.get()) {
            status = ClientHealth.Status.STOPPED;
            state = "CLOSED";
        } else if (fatal != null) {
            status = ClientHealth.Status.FAILED;
            state = "UNUSABLE";
        } else {
            status = ClientHealth.Status.READY;
            state = "OPEN";
        }
        metadataAge.age().ifPresent(age -> health.contactAt(now.minus(age)));
        Throwable cause = fatal;
        if (status == ClientHealth.Status.READY) {
            cause = context.failures().authenticationFailing();
            if (cause != null) {
                status = ClientHealth.Status.NOT_READY;
            }
        }
        return new ClientHealth(
                        clientId, status, state, health.lastContact(), Optional.ofNullable(cause), Set.of(), now)
                .withClientInstanceId(instanceId.snapshot());
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return instanceId.await(timeout);
    }

    private void awaitPending(long deadline) {
        try {
            pending.awaitEmpty(deadline - System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClientMetrics() {
        if (clientMetrics == null) {
            return;
        }
        try {
            clientMetrics.close();
        } catch (Exception e) {
            LOG.warn("Unbinding the Kafka client metrics of producer {} failed", clientId, e);
        }
    }

    /** The kafka-clients producer, for the transactional subclass. */
    Producer<byte[], byte[]> kafka() {
        return kafka;
    }

    /** The shared send context, for the transactional subclass. */
    SendContext context() {
        return context;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{clientId=" + clientId + ", closed=" + closed.get() + "}";
    }
}
