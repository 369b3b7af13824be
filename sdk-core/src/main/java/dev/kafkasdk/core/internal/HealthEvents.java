package dev.kafkasdk.core.internal;

import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.health.HealthListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health bookkeeping every SDK client shares: when it last heard from the cluster, and the
 * delivery of {@link HealthEvent}s to the listeners registered on its builder. Not API.
 *
 * <p>Thread-safe. {@link #contact()} is one volatile write. Events go to the listeners on one
 * daemon thread of this object's own, made on the first event and only when there are
 * listeners; at most {@value #QUEUE} wait, further ones are dropped with a WARN. A listener's
 * exception is logged and swallowed.
 */
public final class HealthEvents {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEvents.class);
    private static final int QUEUE = 1_024;
    private static final long NEVER = Long.MIN_VALUE;

    private final String clientId;
    private final List<HealthListener> listeners;
    private final Clock clock;
    private final @Nullable ThreadPoolExecutor executor;
    private final AtomicLong lastContactMillis = new AtomicLong(NEVER);

    private HealthEvents(String clientId, List<HealthListener> listeners, String threadName, Clock clock) {
        this.clientId = clientId;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        if (this.listeners.isEmpty()) {
            this.executor = null;
        } else {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                        Thread thread = new Thread(runnable, threadName);
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.setRejectedExecutionHandler((task, rejected) -> {
                if (!rejected.isShutdown()) {
                    LOG.warn("Health listeners of {} are too slow: {} events wait; dropping one", clientId, QUEUE);
                }
            });
            this.executor = pool;
        }
    }

    /**
     * Health bookkeeping for one client.
     *
     * @param clientId the client's id, put into every event
     * @param listeners the listeners, in call order; empty for none (then no thread is made)
     * @param threadName the name of the delivery thread
     * @return the bookkeeping
     */
    public static HealthEvents create(String clientId, Collection<HealthListener> listeners, String threadName) {
        return new HealthEvents(clientId, List.copyOf(listeners), threadName, Clock.systemUTC());
    }

    /**
     * Bookkeeping without listeners.
     *
     * @param clientId the client's id
     * @return the bookkeeping
     */
    public static HealthEvents none(String clientId) {
        return new HealthEvents(clientId, List.of(), "unused", Clock.systemUTC());
    }

    /** @return the client id events carry */
    public String clientId() {
        return clientId;
    }

    /** @return the current time, from this object's clock */
    public Instant now() {
        return clock.instant();
    }

    /** Notes a successful interaction with the cluster now. */
    public void contact() {
        long millis = clock.millis();
        // a producer's completion thread calls this for every acknowledged record, most of them in the
        // same millisecond: a plain read spares the write (and the cache line's trip to other cores)
        if (lastContactMillis.get() != millis) {
            lastContactMillis.set(millis);
        }
    }

    /**
     * Notes a successful interaction with the cluster at a time learnt elsewhere; an older time
     * than the one known is ignored.
     *
     * @param at when
     */
    public void contactAt(Instant at) {
        long millis = at.toEpochMilli();
        lastContactMillis.accumulateAndGet(millis, Math::max);
    }

    /** @return when the client last heard from the cluster, or empty */
    public Optional<Instant> lastContact() {
        long millis = lastContactMillis.get();
        return millis == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** @return whether anyone listens; callers may skip building events when not */
    public boolean listened() {
        return executor != null;
    }

    /**
     * Sends an event without details.
     *
     * @param type what happened
     */
    public void emit(HealthEvent.Type type) {
        if (executor != null) {
            deliver(HealthEvent.of(clientId, type, now()));
        }
    }

    /**
     * Sends a partitions event.
     *
     * @param type {@code PARTITIONS_ASSIGNED} or {@code PARTITIONS_REVOKED}
     * @param partitions the partitions
     */
    public void partitions(HealthEvent.Type type, Collection<TopicPartition> partitions) {
        if (executor != null) {
            deliver(new HealthEvent(clientId, type, now(), Set.copyOf(partitions), Optional.empty(), Optional.empty()));
        }
    }

    /**
     * Sends an {@code IDLE} event.
     *
     * @param idleFor how long no record arrived
     */
    public void idle(Duration idleFor) {
        if (executor != null) {
            deliver(new HealthEvent(
                    clientId, HealthEvent.Type.IDLE, now(), Set.of(), Optional.of(idleFor), Optional.empty()));
        }
    }

    /**
     * Sends a {@code FAILED} event.
     *
     * @param cause why
     */
    public void failed(Throwable cause) {
        if (executor != null) {
            deliver(new HealthEvent(
                    clientId, HealthEvent.Type.FAILED, now(), Set.of(), Optional.empty(), Optional.of(cause)));
        }
    }

    private void deliver(HealthEvent event) {
        ThreadPoolExecutor pool = executor;
        if (pool == null) {
            return;
        }
        try {
            pool.execute(() -> {
                for (HealthListener listener : listeners) {
                    try {
                        listener.onHealthEvent(event);
                    } catch (RuntimeException | Error e) {
                        if (e instanceof VirtualMachineError) {
                            throw e;
                        }
                        LOG.warn("Health listener of {} threw on {}; ignored", clientId, event.type(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Health event {} of {} after close: dropped", event.type(), clientId);
        }
    }

    /**
     * Lets the events already sent reach the listeners (waiting up to the timeout), then ends the
     * delivery thread. Later events are dropped.
     *
     * @param timeout the longest wait
     */
    public void close(Duration timeout) {
        ThreadPoolExecutor pool = executor;
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("Health listeners of {} still run after {}; left to finish", clientId, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
