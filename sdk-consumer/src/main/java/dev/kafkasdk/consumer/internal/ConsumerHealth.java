package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.internal.AuthenticationRetry;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.HealthEvents;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A consumer's health: the assignment and last contact that {@link ClientHealth} reports, and the
 * {@link HealthEvent}s derived from its state changes, rebalances and polls. Told of state changes
 * by {@link StateMachine}, of rebalances by {@link RebalanceCallbacks} and of each poll by
 * {@link PollLoop}; read from any thread.
 *
 * <p>Contact with the cluster is a poll that returned records, a rebalance, or a fetch response
 * (kafka-clients' {@code fetch-total} grew): a consumer of an idle topic still fetches, so its
 * last contact stays fresh while the cluster answers.
 */
final class ConsumerHealth {

    private final HealthEvents events;
    private final long idleNanos;
    private volatile @Nullable ClientInstanceIdLookup instanceId;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile boolean ready;
    private long answers; // poll thread only
    private volatile @Nullable AuthenticationRetry authentication;
    // poll thread only
    private long lastRecordsNanos;
    private boolean idleReported;
    private Metric fetches;
    private boolean fetchesLooked;
    private double lastFetches = Double.NaN;

    /**
     * @param events where events go
     * @param idleAfter no records for this long sends {@code IDLE}; zero for never
     */
    ConsumerHealth(HealthEvents events, Duration idleAfter) {
        this.events = events;
        this.idleNanos = idleAfter.toNanos();
    }

    static ConsumerHealth none(String clientId) {
        return new ConsumerHealth(HealthEvents.none(clientId), Duration.ZERO);
    }

    /** A state change; terminal states end the event delivery after their event. */
    void moved(ConsumerState from, ConsumerState to, Throwable failure) {
        if (from == ConsumerState.NEW && to == ConsumerState.STARTING) {
            events.emit(HealthEvent.Type.STARTED);
        } else if ((to == ConsumerState.RUNNING || to == ConsumerState.PAUSED) && !ready) {
            ready = true;
            lastRecordsNanos = System.nanoTime();
            events.emit(HealthEvent.Type.READY);
        } else if (to == ConsumerState.FAILED) {
            events.failed(failure);
        } else if (to == ConsumerState.STOPPED) {
            events.emit(HealthEvent.Type.STOPPED);
        }
        if (to.isTerminal()) {
            assignment = Set.of();
            events.close(Duration.ZERO);
        }
    }

    /**
     * Partitions were assigned.
     *
     * @param partitions the partitions
     * @param byGroup whether the group assigned them (the cluster answered) rather than {@code assign}
     */
    void assigned(Collection<TopicPartition> partitions, boolean byGroup) {
        events.contact();
        if (byGroup) {
            answered();
        }
        if (partitions.isEmpty()) {
            return;
        }
        Set<TopicPartition> next = new HashSet<>(assignment);
        next.addAll(partitions);
        assignment = Set.copyOf(next);
        events.partitions(HealthEvent.Type.PARTITIONS_ASSIGNED, partitions);
    }

    /**
     * Partitions were revoked or lost.
     *
     * @param partitions the partitions
     * @param answered whether the cluster took part (revoked) or not (lost)
     */
    void revoked(Collection<TopicPartition> partitions, boolean answered) {
        if (answered) {
            events.contact();
            answered();
        }
        Set<TopicPartition> next = new HashSet<>(assignment);
        next.removeAll(partitions);
        assignment = Set.copyOf(next);
        events.partitions(HealthEvent.Type.PARTITIONS_REVOKED, partitions);
    }

    /**
     * After each poll, on the poll thread.
     *
     * @param records how many records it returned
     * @param now its {@link System#nanoTime()}
     * @param consumer the client, for its fetch count
     */
    void polled(int records, long now, Consumer<?, ?> consumer) {
        ClientInstanceIdLookup lookup = instanceId;
        if (lookup != null && !lookup.isDone()) {
            lookup.poll(consumer::clientInstanceId); // zero wait: the poll thread owns the consumer
        }
        if (records > 0) {
            events.contact();
            answered();
            lastRecordsNanos = now;
            idleReported = false;
        } else {
            noteFetches(consumer);
            if (ready && idleNanos > 0 && !idleReported && now - lastRecordsNanos >= idleNanos) {
                idleReported = true;
                events.idle(Duration.ofNanos(now - lastRecordsNanos));
            }
        }
    }

    private void answered() {
        answers++;
    }

    /**
     * How often the cluster has answered this consumer: records, a fetch response, a group
     * assignment or revocation. {@code assign} alone does not count. Poll thread only.
     *
     * @return a count that only grows
     */
    long answers() {
        return answers;
    }

    /**
     * The poll loop's authentication retries: while a run of failures lasts, the consumer is not
     * ready and the last failure is the cause.
     *
     * @param authentication the poll loop's retries
     */
    void authentication(AuthenticationRetry authentication) {
        this.authentication = authentication;
    }

    private void noteFetches(Consumer<?, ?> consumer) {
        if (!fetchesLooked) {
            fetchesLooked = true;
            fetches = fetchTotal(consumer);
        }
        if (fetches == null) {
            return;
        }
        Object value = fetches.metricValue();
        if (value instanceof Number count && count.doubleValue() != lastFetches) {
            if (!Double.isNaN(lastFetches)) {
                events.contact();
                answered();
            }
            lastFetches = count.doubleValue();
        }
    }

    private static Metric fetchTotal(Consumer<?, ?> consumer) {
        try {
            for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
                MetricName name = e.getKey();
                if (name.name().equals("fetch-total")
                        && name.group().equals("consumer-fetch-manager-metrics")
                        && !name.tags().containsKey("topic")) {
                    return e.getValue();
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The snapshot for {@code health()}.
     *
     * @param state the consumer's state
     * @param failure its failure cause, or null
     * @return the snapshot
     */
    ClientHealth snapshot(ConsumerState state, Throwable failure) {
        ClientInstanceIdLookup lookup = instanceId;
        ClientHealth.Status status = status(state);
        AuthenticationRetry retries = authentication;
        Throwable authenticationFailure = retries == null ? null : retries.failing();
        if (status == ClientHealth.Status.READY && authenticationFailure != null && failure == null) {
            status = ClientHealth.Status.NOT_READY;
            failure = authenticationFailure;
        }
        return new ClientHealth(
                        events.clientId(),
                        status,
                        state.name(),
                        events.lastContact(),
                        Optional.ofNullable(failure),
                        state.isTerminal() ? Set.of() : assignment,
                        events.now())
                .withClientInstanceId(lookup == null ? ClientInstanceId.pending() : lookup.snapshot());
    }

    /** Starts asking for the KIP-714 client instance id on each poll round until the lookup concludes. */
    void instanceId(ClientInstanceIdLookup lookup) {
        this.instanceId = lookup;
    }

    @Nullable
    ClientInstanceIdLookup instanceId() {
        return instanceId;
    }

    static ClientHealth.Status status(ConsumerState state) {
        switch (state) {
            case NEW:
            case STARTING:
                return ClientHealth.Status.STARTING;
            case RUNNING:
            case PAUSED:
                return ClientHealth.Status.READY;
            case STOPPED:
                return ClientHealth.Status.STOPPED;
            case FAILED:
                return ClientHealth.Status.FAILED;
            default:
                return ClientHealth.Status.NOT_READY;
        }
    }
}
