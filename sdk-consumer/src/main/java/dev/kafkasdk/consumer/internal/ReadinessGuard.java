package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.Durations;
import dev.kafkasdk.core.config.MissingTopics;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's start-up checks, run on the poll thread between polls until they are settled:
 * the cluster must answer and the subscribed (or assigned) topics must exist within
 * {@code start-timeout}. Each check is one {@code listTopics} call bounded by {@link #CHECK_BOUND},
 * at most every {@link #CHECK_INTERVAL}; once the cluster answered and every topic exists, nothing
 * more runs. While a topic is missing (and {@code missing-topics} is fail or wait) the consumer stays
 * STARTING; see {@link StateMachine#hold()}.
 */
final class ReadinessGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessGuard.class);
    static final Duration CHECK_BOUND = Duration.ofSeconds(1);
    static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Consumer<byte[], byte[]> consumer;
    private final ReadinessSpec spec;
    private final Set<String> topics;
    private final StateMachine state;
    private final String clientId;
    private final BooleanSupplier paused;
    private long deadline;
    private long nextCheck;
    private boolean answered;
    private boolean settled;
    private boolean pastDeadline;
    private boolean sawMissing;
    private Set<String> missing = Set.of();
    private volatile String waitingFor = "the poll thread to start";

    ReadinessGuard(
            Consumer<byte[], byte[]> consumer,
            ReadinessSpec spec,
            Subscription subscription,
            StateMachine state,
            String clientId,
            BooleanSupplier paused) {
        this.consumer = consumer;
        this.spec = spec;
        this.topics = topicsOf(subscription);
        this.state = state;
        this.clientId = clientId;
        this.paused = paused;
    }

    private static Set<String> topicsOf(Subscription subscription) {
        if (subscription instanceof Subscription.Topics t) {
            return new TreeSet<>(t.topics());
        }
        if (subscription instanceof Subscription.Partitions p) {
            Set<String> names = new TreeSet<>();
            for (TopicPartition partition : p.partitions()) {
                names.add(partition.topic());
            }
            return names;
        }
        if (subscription instanceof Subscription.AllPartitions all) {
            return new TreeSet<>(Set.of(all.topic()));
        }
        return Set.of();
    }

    /**
     * What the consumer is waiting for before it is ready; readable from any thread.
     *
     * @return e.g. {@code topics [orders] to exist (missing-topics: wait)}
     */
    String waitingFor() {
        return waitingFor;
    }

    /**
     * Starts the clock and runs the first check (bounded by {@link #CHECK_BOUND}); call before
     * subscribing, so that an assignment that arrives while a topic is missing is held.
     */
    void begin() {
        waitingFor = "an answer from bootstrap servers " + spec.bootstrapServers();
        long now = System.nanoTime();
        deadline = now + spec.startTimeout().toNanos();
        check(now);
        if (!settled && !topics.isEmpty() && spec.missingTopics() != MissingTopics.WARN) {
            state.hold();
        }
    }

    /**
     * Runs the checks that are due; cheap once they are settled.
     *
     * @throws KafkaSdkException (fatal) when the cluster did not answer, or a topic is still missing
     *     with {@code missing-topics: fail}, after {@code start-timeout}
     */
    void afterPoll() {
        if (settled) {
            return;
        }
        long now = System.nanoTime();
        if (now - nextCheck >= 0) {
            check(now);
            if (settled) {
                return;
            }
        }
        if (!pastDeadline && System.nanoTime() - deadline >= 0) {
            pastDeadline = true;
            onDeadline();
        }
    }

    private void check(long now) {
        long left = deadline - now;
        long bound =
                pastDeadline ? CHECK_BOUND.toNanos() : Math.max(MIN_CHECK_NANOS, Math.min(left, CHECK_BOUND.toNanos()));
        try {
            Map<String, List<PartitionInfo>> known = consumer.listTopics(Duration.ofNanos(bound));
            answered = true;
            Set<String> absent = new LinkedHashSet<>(topics);
            absent.removeAll(known.keySet());
            missing = absent;
        } catch (TimeoutException e) {
            LOG.debug(
                    "Consumer {}: no answer to listTopics within {} ms",
                    clientId,
                    TimeUnit.NANOSECONDS.toMillis(bound));
        }
        nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
        if (!answered) {
            return;
        }
        waitingFor = missing.isEmpty()
                ? "the group to assign partitions (the cluster answered; topics " + topics + " exist)"
                : "topics " + missing + " to exist (missing-topics: "
                        + spec.missingTopics().value() + ")";
        if (missing.isEmpty()) {
            settled = true;
            state.release(sawMissing && !assignedAny(), paused.getAsBoolean());
            if (sawMissing) {
                LOG.info("Consumer {}: the topics it waited for exist now: {}", clientId, topics);
            }
        } else {
            sawMissing = true;
        }
    }

    /** Whether this member already holds a partition of the topics (the group assigned them already). */
    private boolean assignedAny() {
        for (TopicPartition partition : consumer.assignment()) {
            if (topics.contains(partition.topic())) {
                return true;
            }
        }
        return false;
    }

    private void onDeadline() {
        String timeout = Durations.format(spec.startTimeout());
        if (!answered) {
            throw KafkaSdkException.builder(
                            "The cluster did not answer consumer " + clientId + " within start-timeout ("
                                    + timeout + "): no reply from bootstrap servers " + spec.bootstrapServers()
                                    + "; it is unreachable, down, or the address, port or security protocol is wrong")
                    .clientId(clientId)
                    .fatal();
        }
        String names = "topic" + (missing.size() > 1 ? "s " : " ") + missing;
        switch (spec.missingTopics()) {
            case FAIL ->
                throw KafkaSdkException.builder("Subscribed " + names + " of consumer " + clientId
                                + " did not exist after start-timeout (" + timeout + ") on cluster "
                                + spec.bootstrapServers() + " (or this principal may not describe them). Create them, "
                                + "grant DESCRIBE and READ, or set missing-topics: wait or warn")
                        .topic(missing.size() == 1 ? missing.iterator().next() : null)
                        .clientId(clientId)
                        .fatal();
            case WAIT ->
                LOG.warn(
                        "Consumer {} waits for {}, which did not exist after start-timeout ({}); it stays STARTING "
                                + "until they are created (missing-topics: wait)",
                        clientId,
                        names,
                        timeout);
            case WARN -> {
                settled = true;
                LOG.warn(
                        "Consumer {} runs without {}, which did not exist after start-timeout ({}); it reads them "
                                + "once they are created and the client refreshes its metadata (missing-topics: warn)",
                        clientId,
                        names,
                        timeout);
            }
        }
    }
}
