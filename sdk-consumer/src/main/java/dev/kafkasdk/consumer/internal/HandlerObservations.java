package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.BatchHandler;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.RecordHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a consumer's handlers and dead-letter publisher so that each handled record (or batch)
 * and each dead-letter publish is observed. Created only when the builder was given an
 * {@link ObservationRegistry}: a consumer without one runs its handlers unwrapped and creates no
 * observation objects. One instance per consumer member; thread-safe (handlers may run on
 * concurrent workers).
 */
public final class HandlerObservations {

    /** A cap on records with a failed attempt remembered for the attempt count. */
    private static final int MAX_TRACKED_FAILURES = 10_000;

    /** The last failed handling on this thread, so a dead letter published next can point back to it. */
    private static final ThreadLocal<Failure> LAST_FAILURE = new ThreadLocal<>();

    private final ObservationRegistry registry;
    private final @Nullable String group;
    private final String clientId;
    private final Map<Position, Integer> failedAttempts = new ConcurrentHashMap<>();
    private final boolean batchRecords;

    /**
     * Observations for one consumer member.
     *
     * @param registry the caller's registry
     * @param group the group id, or null
     * @param clientId the member's client id
     */
    public HandlerObservations(ObservationRegistry registry, @Nullable String group, String clientId) {
        this(registry, group, clientId, false);
    }

    /**
     * Observations for one consumer member.
     *
     * @param registry the caller's registry
     * @param group the group id, or null
     * @param clientId the member's client id
     * @param batchRecords whether each record a batch handler iterates gets an observation of its own
     */
    public HandlerObservations(
            ObservationRegistry registry, @Nullable String group, String clientId, boolean batchRecords) {
        this.registry = registry;
        this.group = group;
        this.clientId = clientId;
        this.batchRecords = batchRecords;
    }

    /**
     * Observes each call of a record handler.
     *
     * @param handler the user's handler, or null
     * @param <K> the key type
     * @param <V> the value type
     * @return the observed handler, or null if {@code handler} was null
     */
    public <K, V> @Nullable RecordHandler<K, V> wrap(@Nullable RecordHandler<K, V> handler) {
        return handler == null ? null : new ObservedRecordHandler<>(handler, this);
    }

    /**
     * Observes each call of a batch handler.
     *
     * @param handler the user's handler, or null
     * @param <K> the key type
     * @param <V> the value type
     * @return the observed handler, or null if {@code handler} was null
     */
    public <K, V> @Nullable BatchHandler<K, V> wrap(@Nullable BatchHandler<K, V> handler) {
        return handler == null ? null : new ObservedBatchHandler<>(handler, this);
    }

    /**
     * Observes each dead-letter publish, as a child of the failed handling.
     *
     * @param publisher the publisher, or null
     * @param naming the dead-letter topic naming, or null if unknown (a caller's publisher)
     * @return the observed publisher, or null if {@code publisher} was null
     */
    public @Nullable DeadLetterPublisher wrap(
            @Nullable DeadLetterPublisher publisher, @Nullable Function<String, String> naming) {
        return publisher == null ? null : new ObservedDeadLetterPublisher(publisher, this, naming);
    }

    ObservationRegistry registry() {
        return registry;
    }

    boolean batchRecords() {
        return batchRecords;
    }

    @Nullable
    String group() {
        return group;
    }

    String clientId() {
        return clientId;
    }

    /** Which attempt the next handling of this record is: 1 plus its remembered failures. */
    int attempt(Position position) {
        Integer failed = failedAttempts.get(position);
        return failed == null ? 1 : failed + 1;
    }

    void succeeded(Position position) {
        if (!failedAttempts.isEmpty()) {
            failedAttempts.remove(position);
        }
    }

    void failed(Position position, Observation observation) {
        if (failedAttempts.size() >= MAX_TRACKED_FAILURES) {
            failedAttempts.clear();
        }
        failedAttempts.merge(position, 1, Integer::sum);
        LAST_FAILURE.set(new Failure(observation, position::equals));
    }

    static void failedBatch(Observation observation, Predicate<Position> members) {
        LAST_FAILURE.set(new Failure(observation, members));
    }

    static void clearFailure() {
        LAST_FAILURE.remove();
    }

    /** The failed handling of this record on this thread, if it was the last failure here; forgets its attempts. */
    @Nullable
    Observation failedHandling(Position position) {
        failedAttempts.remove(position);
        Failure failure = LAST_FAILURE.get();
        return failure != null && failure.covers().test(position) ? failure.observation() : null;
    }

    /** A record's place in its partition. */
    record Position(String topic, int partition, long offset) {}

    private record Failure(Observation observation, Predicate<Position> covers) {}
}
