package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.internal.AuthenticationRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the poll thread: subscribe or assign, then poll, process, commit until asked to stop,
 * then a final commit and close. Everything that touches the Kafka client happens here.
 */
final class PollLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
    private static final long LAG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ConsumerSpec<?, ?> spec;
    private final LoopContext<?, ?> ctx;
    private final RoundProcessor rounds;
    private final RebalanceCallbacks callbacks;
    private final StateMachine state;
    private final ShutdownControl shutdown;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Runnable onTerminated;
    private final LivenessMonitor liveness;
    private final ReadinessGuard readiness;
    private final ConsumerFailures failures;
    private final AuthenticationRetry authentication;
    private volatile boolean inPoll;
    private long nextLagNanos = System.nanoTime();

    PollLoop(
            ConsumerSpec<?, ?> spec,
            LoopContext<?, ?> ctx,
            RoundProcessor rounds,
            RebalanceCallbacks callbacks,
            StateMachine state,
            ShutdownControl shutdown,
            LivenessMonitor liveness,
            ReadinessGuard readiness,
            ConsumerFailures failures,
            Runnable onTerminated) {
        this.liveness = liveness;
        this.readiness = readiness;
        this.failures = failures;
        this.authentication = new AuthenticationRetry(
                "Consumer", spec.clientId(), spec.readiness().authenticationRetryTimeout(), System::nanoTime);
        state.health().authentication(authentication);
        this.spec = spec;
        this.ctx = ctx;
        this.rounds = rounds;
        this.callbacks = callbacks;
        this.state = state;
        this.shutdown = shutdown;
        this.onTerminated = onTerminated;
    }

    /**
     * Queues work for the poll thread; it runs before the next poll.
     *
     * @param command the work
     */
    void submit(Runnable command) {
        commands.add(command);
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            start();
            while (!shutdown.stopRequested()) {
                try {
                    iterate();
                } catch (RuntimeException e) {
                    pollThroughAuthenticationFailure(e);
                }
            }
        } catch (WakeupException e) {
            if (!shutdown.stopRequested()) {
                failure = e;
            }
        } catch (StopConsumerException e) {
            failure = e.reason();
        } catch (NoOffsetForPartitionException e) {
            failure = noOffset(e);
        } catch (Throwable e) {
            failure = e;
        } finally {
            close(failure);
        }
    }

    /**
     * Rethrows {@code failure} unless it is an authentication failure that
     * {@code cluster.authentication-retry-timeout} counts as passing; then the loop waits its
     * backoff and polls again. A round it interrupted has put its partitions back at their first
     * unprocessed record, and offsets it did not commit stay pending, so the next poll reads and
     * commits them again.
     */
    private void pollThroughAuthenticationFailure(RuntimeException failure) {
        AuthenticationException cause = AuthenticationRetry.find(failure);
        if (cause == null) {
            throw failure;
        }
        RuntimeException end = authentication.failed(cause, state.health().answers());
        if (end == failure || end == cause) {
            throw failure;
        }
        if (end != null) {
            throw end;
        }
        // poll rethrows the failure at once until the connection is tried again: wait instead of spinning
        long until = System.nanoTime() + authentication.backoffNanos();
        long left;
        while (!shutdown.stopRequested() && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, STOP_CHECK_NANOS));
        }
    }

    /**
     * Whether the poll thread is inside {@code poll()}, where a wakeup interrupts only the wait.
     *
     * @return {@code true} while polling
     */
    boolean inPoll() {
        return inPoll;
    }

    /**
     * Moves a partition on the poll thread (a user seek): its retry state and pauses are dropped.
     *
     * @param partition the partition, which must be assigned
     * @param position the new position
     */
    void seekNow(TopicPartition partition, dev.kafkasdk.consumer.StartPosition position) {
        if (!ctx.consumer.assignment().contains(partition)) {
            throw new IllegalStateException(partition + " is not assigned to consumer " + spec.clientId());
        }
        ctx.retries.forget(List.of(partition));
        if (ctx.work != null) {
            ctx.work.forget(List.of(partition));
        }
        callbacks.apply(java.util.Map.of(partition, position));
        ctx.pauses.release(partition);
    }

    /**
     * Pauses or resumes every assigned partition on the poll thread.
     *
     * @param paused {@code true} to pause
     */
    void pauseNow(boolean paused) {
        ctx.pauses.setUserPaused(paused);
        state.paused(paused);
    }

    private void start() {
        ClusterFeatureCheck.atStart(spec);
        DeadLetterTopicCheck.verify(spec);
        liveness.checkAtStart();
        readiness.begin();
        rounds.begin();
        Subscription subscription = spec.subscription();
        Consumer<byte[], byte[]> consumer = ctx.consumer;
        if (subscription instanceof Subscription.Topics topics) {
            consumer.subscribe(topics.topics(), callbacks);
        } else if (subscription instanceof Subscription.TopicPattern pattern) {
            consumer.subscribe(pattern.pattern(), callbacks);
        } else {
            Set<TopicPartition> partitions = subscription instanceof Subscription.Partitions p
                    ? p.partitions()
                    : allPartitions(((Subscription.AllPartitions) subscription).topic());
            consumer.assign(partitions);
            state.health().assigned(partitions, false);
            callbacks.position(partitions);
            state.assigned(false);
        }
    }

    private Set<TopicPartition> allPartitions(String topic) {
        List<PartitionInfo> infos;
        try {
            infos = ctx.consumer.partitionsFor(topic, spec.readiness().startTimeout());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw KafkaSdkException.builder("The cluster did not report the partitions of topic " + topic
                            + " within start-timeout ("
                            + dev.kafkasdk.core.config.Durations.format(
                                    spec.readiness().startTimeout())
                            + "): no answer from bootstrap servers "
                            + spec.readiness().bootstrapServers())
                    .topic(topic)
                    .clientId(spec.clientId())
                    .cause(e)
                    .fatal();
        }
        if (infos == null || infos.isEmpty()) {
            throw KafkaSdkException.builder("Topic " + topic + " has no partitions or does not exist; cannot assign it")
                    .topic(topic)
                    .clientId(spec.clientId())
                    .fatal();
        }
        return infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .collect(Collectors.toSet());
    }

    private void iterate() {
        runCommands();
        long now = System.nanoTime();
        ctx.pauses.resumeDue(now);
        long timeoutNanos = spec.pollTimeout().toNanos();
        if (ctx.pauses.hasRetryPaused()) {
            timeoutNanos = Math.min(timeoutNanos, ctx.retries.nanosUntilNextDue(now));
        }
        timeoutNanos = rounds.beforePoll(now, timeoutNanos);
        ConsumerRecords<byte[], byte[]> polled;
        inPoll = true;
        try {
            if (shutdown.stopRequested()) {
                return;
            }
            polled = ctx.consumer.poll(Duration.ofNanos(Math.max(0, timeoutNanos)));
        } finally {
            inPoll = false;
        }
        long returned = System.nanoTime();
        state.health().polled(polled.count(), returned, ctx.consumer);
        authentication.answered(state.health().answers());
        if (!polled.isEmpty()) {
            state.polled(true, ctx.pauses.userPaused());
            if (callbacks.rebalancing()) {
                state.assigned(ctx.pauses.userPaused());
            }
            processSafely(polled, returned);
        } else {
            state.polled(!ctx.consumer.assignment().isEmpty(), ctx.pauses.userPaused());
        }
        readiness.afterPoll();
        rounds.tick(returned);
        if (!ctx.windows.isEmpty()) {
            checkWindows();
        }
        if (ctx.metrics.enabled() && returned - nextLagNanos >= 0) {
            nextLagNanos = returned + LAG_INTERVAL_NANOS;
            updateLag();
        }
    }

    private void processSafely(ConsumerRecords<byte[], byte[]> polled, long returned) {
        boolean done = false;
        try {
            rounds.process(polled, returned);
            done = true;
        } finally {
            if (!done) {
                rewindUnprocessed(polled);
            }
        }
    }

    /** After a failed round, puts every partition of it back at its first unprocessed record. */
    private void rewindUnprocessed(ConsumerRecords<byte[], byte[]> polled) {
        for (TopicPartition partition : polled.partitions()) {
            try {
                long first = polled.records(partition).get(0).offset();
                OptionalLong completed = ctx.tracker.completedOffset(partition);
                long next = completed.isPresent() && completed.getAsLong() > first ? completed.getAsLong() : first;
                ctx.consumer.seek(partition, next);
            } catch (RuntimeException e) {
                LOG.debug("Cannot rewind {} after a failed round", partition, e);
            }
        }
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void checkWindows() {
        for (TopicPartition partition : ctx.windows.unfinished()) {
            OptionalLong completed = ctx.tracker.completedOffset(partition);
            long next = completed.isPresent() ? completed.getAsLong() : ctx.consumer.position(partition);
            if (ctx.windows.reachedBy(partition, next)) {
                ctx.windows.finish(partition);
                ctx.pauses.pauseFinishedWindow(partition);
            }
        }
        if (ctx.windows.allFinished(ctx.consumer.assignment())) {
            LOG.info("Every assigned partition reached the end of its replay window; stopping");
            shutdown.requestStop(false);
        }
    }

    private void updateLag() {
        boolean committedKnown = CommitModes.committedKnown(spec.commitMode());
        for (TopicPartition partition : ctx.consumer.assignment()) {
            OptionalLong lag = ctx.consumer.currentLag(partition);
            if (lag.isEmpty()) {
                continue;
            }
            long end = ctx.consumer.position(partition) + lag.getAsLong();
            OptionalLong committed =
                    committedKnown ? ctx.tracker.committedOffset(partition) : ctx.tracker.completedOffset(partition);
            if (committed.isPresent()) {
                ctx.metrics.committedLag(partition, Math.max(0, end - committed.getAsLong()));
            }
        }
    }

    private KafkaSdkException noOffset(NoOffsetForPartitionException e) {
        List<TopicPartition> partitions = new ArrayList<>(e.partitions());
        TopicPartition first = partitions.get(0);
        return KafkaSdkException.builder("No committed offset for " + partitions + " and auto.offset.reset=none. Fix: "
                        + "commit a start offset for group " + spec.groupId().orElse("<none>") + " (sdk-admin), set "
                        + "auto-offset-reset to earliest or latest, or start with a StartPositionStrategy")
                .topic(first.topic())
                .partition(first.partition())
                .clientId(spec.clientId())
                .cause(e)
                .fatal();
    }

    private void close(Throwable failure) {
        Thread.interrupted();
        try {
            ctx.commits.onClose();
        } catch (RuntimeException e) {
            LOG.warn("Final commit failed: {}", e.toString());
        }
        try {
            ctx.consumer.close(CloseOptions.timeout(shutdown.remainingCloseTime()));
        } catch (RuntimeException e) {
            LOG.warn("Closing the Kafka consumer failed: {}", e.toString());
        }
        if (failure == null) {
            state.stopped();
            LOG.info("Consumer {} stopped", spec.clientId());
        } else {
            failure = failures.translate(failure);
            state.failed(failure);
            LOG.error("Consumer {} failed", spec.clientId(), failure);
        }
        onTerminated.run();
    }
}
