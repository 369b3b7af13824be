package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.LivenessReport;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.ClientInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * Several members of one group in this process, built from one settings with {@code instances: N}
 * (Spring's listener concurrency). Each member has its own Kafka client, poll thread, client id
 * ({@code <client id>-1} ... {@code <client id>-N}) and {@code instance} meter tag; they share the
 * handler, which must therefore be thread-safe. A member that fails does not stop the others;
 * {@link #state()} reports {@link ConsumerState#FAILED} until the whole set is closed.
 */
public final class GroupMembers<K, V> implements SdkConsumer<K, V> {

    private final String clientId;
    private final List<SdkConsumer<K, V>> members;

    /**
     * Wraps members built by the SDK.
     *
     * @param clientId the client id the members' ids are derived from
     * @param members the members, owned by this object
     */
    public GroupMembers(String clientId, List<SdkConsumer<K, V>> members) {
        this.clientId = clientId;
        this.members = List.copyOf(members);
    }

    /**
     * The members, in instance order.
     *
     * @return an unmodifiable list
     */
    public List<SdkConsumer<K, V>> members() {
        return members;
    }

    @Override
    public void start() {
        members.forEach(SdkConsumer::start);
    }

    @Override
    public void stop() {
        members.forEach(SdkConsumer::stop);
    }

    /** Stops every member at once, then waits for each within the one timeout. */
    @Override
    public boolean close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        members.forEach(SdkConsumer::stop);
        boolean all = true;
        for (SdkConsumer<K, V> member : members) {
            all &= member.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SdkConsumer<K, V> member : members) {
            if (!member.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** Ready when every member is ready; the first member that is not throws. */
    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SdkConsumer<K, V> member : members) {
            member.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** FAILED if any member failed, STOPPED when all stopped, else the least settled member's state. */
    @Override
    public ConsumerState state() {
        List<ConsumerState> states = members.stream().map(SdkConsumer::state).toList();
        for (ConsumerState candidate : List.of(
                ConsumerState.FAILED,
                ConsumerState.REBALANCING,
                ConsumerState.STARTING,
                ConsumerState.NEW,
                ConsumerState.PAUSED,
                ConsumerState.RUNNING)) {
            if (states.contains(candidate)) {
                return candidate;
            }
        }
        return ConsumerState.STOPPED;
    }

    @Override
    public Optional<Throwable> failureCause() {
        return members.stream()
                .map(SdkConsumer::failureCause)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    /**
     * The members' health in one snapshot: the status of {@link #state()}, the union of their
     * assignments, the latest contact of any member and the first member's failure.
     */
    @Override
    public ClientHealth health() {
        List<ClientHealth> each = members.stream().map(SdkConsumer::health).toList();
        ConsumerState state = state();
        Set<TopicPartition> assignment = new HashSet<>();
        each.forEach(h -> assignment.addAll(h.assignment()));
        Optional<Instant> lastContact = each.stream()
                .map(ClientHealth::lastContact)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        Optional<Throwable> cause =
                each.stream().map(ClientHealth::cause).flatMap(Optional::stream).findFirst();
        return new ClientHealth(
                        clientId,
                        ConsumerHealth.status(state),
                        state.name(),
                        lastContact,
                        cause,
                        assignment,
                        each.isEmpty() ? Instant.now() : each.get(0).takenAt())
                .withClientInstanceId(
                        each.isEmpty()
                                ? ClientInstanceId.pending()
                                : each.get(0).clientInstanceId());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each member is a client of its own with its own id; this is the first member's.
     */
    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return members.get(0).clientInstanceId(timeout);
    }

    /** Seeks on the member that owns the partition; fails only if none does. */
    @Override
    public CompletableFuture<Void> seek(TopicPartition partition, StartPosition position) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        AtomicInteger failures = new AtomicInteger();
        for (SdkConsumer<K, V> member : members) {
            member.seek(partition, position).whenComplete((ok, error) -> {
                if (error == null) {
                    result.complete(null);
                } else if (failures.incrementAndGet() == members.size()) {
                    result.completeExceptionally(error);
                }
            });
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> pause() {
        return CompletableFuture.allOf(members.stream().map(SdkConsumer::pause).toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> resume() {
        return CompletableFuture.allOf(members.stream().map(SdkConsumer::resume).toArray(CompletableFuture[]::new));
    }

    /** The first member's report: the members share their settings. */
    @Override
    public LivenessReport livenessReport() {
        return members.get(0).livenessReport();
    }

    @Override
    public String toString() {
        return "SdkConsumer{clientId=" + clientId + ", instances=" + members.size() + ", state=" + state() + '}';
    }
}
