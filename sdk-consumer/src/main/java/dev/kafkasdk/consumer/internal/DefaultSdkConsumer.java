package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.LivenessReport;
import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.HealthEvents;
import dev.kafkasdk.core.metrics.SdkMetrics;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SdkConsumer}: owns one Kafka client and one poll thread. */
public final class DefaultSdkConsumer<K, V> implements SdkConsumer<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSdkConsumer.class);
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REVOKE_BUDGET = Duration.ofSeconds(10);

    private final ConsumerSpec<K, V> spec;
    private final String pollThreadName;
    private volatile @Nullable ClusterSettings cluster;
    private final StateMachine state = new StateMachine();
    private final ShutdownControl shutdown = new ShutdownControl();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ProcessingStats stats = new ProcessingStats(256);
    private final LivenessMonitor liveness;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile PollLoop loop;
    private volatile ReadinessGuard readiness;
    private volatile Thread thread;
    private volatile ConsumerMetrics metrics = ConsumerMetrics.noop();
    private volatile SdkMetrics.Binding clientMetrics;
    private volatile ConcurrencyMeters concurrencyMeters;
    private volatile RetryTopicRouter retryRouter;

    /**
     * Creates a consumer from a validated spec; nothing connects until {@link #start()}.
     *
     * @param spec the spec
     * @param pollThreadName the poll thread's name, unique in this JVM
     */
    public DefaultSdkConsumer(ConsumerSpec<K, V> spec, String pollThreadName) {
        this(spec, pollThreadName, HealthEvents.none(spec.clientId()), Duration.ZERO);
    }

    /**
     * Creates a consumer from a validated spec; nothing connects until {@link #start()}.
     *
     * @param spec the spec
     * @param pollThreadName the poll thread's name, unique in this JVM
     * @param healthEvents the consumer's health listeners
     * @param idleAfter no records for this long sends an {@code IDLE} event; zero for never
     */
    public DefaultSdkConsumer(
            ConsumerSpec<K, V> spec, String pollThreadName, HealthEvents healthEvents, Duration idleAfter) {
        this.spec = spec;
        this.pollThreadName = pollThreadName;
        this.liveness = new LivenessMonitor(spec, stats);
        state.health(new ConsumerHealth(healthEvents, idleAfter));
    }

    @Override
    public void start() {
        if (!state.starting()) {
            throw new IllegalStateException(
                    "Consumer " + spec.clientId() + " was already started (state " + state.current() + ")");
        }
        liveness.startGcMonitor();
        try {
            consumer = spec.clientFactory().apply(spec.kafkaProperties());
        } catch (RuntimeException e) {
            KafkaSdkException failure = KafkaSdkException.builder("Cannot create the Kafka consumer")
                    .clientId(spec.clientId())
                    .cause(e)
                    .fatal();
            state.failed(failure);
            release();
            throw failure;
        }
        if (cluster != null) {
            state.health()
                    .instanceId(ClientInstanceIdLookup.create(
                            spec.clientId(),
                            cluster,
                            spec.registry() == null ? SdkMetrics.noop() : SdkMetrics.of(spec.registry(), spec.tags())));
        }
        if (spec.registry() != null) {
            metrics = new MicrometerConsumerMetrics(
                    spec.registry(), spec.tags().and("client.id", spec.clientId()), spec.maxTaggedPartitions());
            clientMetrics = SdkMetrics.of(spec.registry(), spec.tags()).bindClientMetrics(consumer);
        }
        loop = buildLoop(consumer, metrics);
        Thread pollThread = new Thread(loop, pollThreadName);
        thread = pollThread;
        pollThread.start();
    }

    private PollLoop buildLoop(Consumer<byte[], byte[]> client, ConsumerMetrics meters) {
        OffsetTracker tracker = new OffsetTracker();
        RetryTracker retries = new RetryTracker(
                Retry.of(spec.clientId() + "-handler", spec.failurePolicy().retryConfig()));
        WindowTracker windows = new WindowTracker();
        PauseManager pauses = new PauseManager(client, retries, windows);
        Committer committer = new Committer(client, tracker, meters);
        CommitStrategy commits = CommitStrategies.of(spec.commitMode(), client, tracker, committer);
        Duration deadLetterTimeout =
                spec.publisher() instanceof DeadLetterChannel channel ? channel.timeout() : DEAD_LETTER_TIMEOUT;
        FailureResolver resolver = new FailureResolver(spec.publisher(), meters, spec.clientId(), deadLetterTimeout);
        PollBudget budget =
                new PollBudget(spec.maxPollInterval(), spec.maxPollRecords(), spec.liveness(), stats, meters);
        LoopContext<K, V> ctx = new LoopContext<>(
                client,
                new RecordDecoder<>(spec.keyDeserializer(), spec.valueDeserializer()),
                tracker,
                retries,
                commits,
                CommitModes.kind(spec.commitMode()) == CommitModes.Kind.TRANSACTIONAL,
                pauses,
                windows,
                resolver,
                spec.poisonAction(),
                spec.failurePolicy().onExhausted(),
                budget,
                meters,
                shutdown::abandon);
        ctx.stopping = shutdown::stopRequested;
        RoundProcessor rounds = spec.recordHandler() != null
                ? new RecordRound<>(ctx, spec.recordHandler())
                : new BatchRound<>(ctx, spec.batchHandler());
        if (spec.concurrency().enabled()) {
            rounds = concurrent(ctx, client, tracker, resolver, meters);
        }
        if (spec.failurePolicy().retryTiers().isPresent()) {
            retryRouter = RetryTopicRouter.create(
                    spec.failurePolicy().retryTiers().get(),
                    spec.kafkaProperties(),
                    spec.clientId(),
                    DEAD_LETTER_TIMEOUT,
                    meters);
            rounds = RetryTierRounds.of(spec, ctx, rounds, resolver, retryRouter);
        }
        OffsetStore store = CommitModes.store(spec.commitMode());
        RebalanceCallbacks callbacks = new RebalanceCallbacks(
                ctx,
                new PositionApplier(client, windows, Clock.systemUTC()),
                store,
                spec.startPositions(),
                state,
                spec.clientId());
        ReadinessGuard readiness = new ReadinessGuard(
                client, spec.readiness(), spec.subscription(), state, spec.clientId(), ctx.pauses::userPaused);
        this.readiness = readiness;
        ConsumerFailures failures = new ConsumerFailures(
                spec.clientId(), spec.groupId(), spec.readiness().principal());
        return new PollLoop(
                spec, ctx, rounds, callbacks, state, shutdown, liveness, readiness, failures, this::release);
    }

    /** The concurrent modes: a worker engine, watermark commits and the poll-thread round that feeds them. */
    private RoundProcessor concurrent(
            LoopContext<K, V> ctx,
            Consumer<byte[], byte[]> client,
            OffsetTracker tracker,
            FailureResolver resolver,
            ConsumerMetrics meters) {
        ConcurrencySpec cs = spec.concurrency();
        Executor executor =
                cs.executor() != null ? cs.executor() : WorkerExecutors.create(cs.concurrency(), spec.clientId(), true);
        ConcurrencyMeters concurrencyMeters = new ConcurrencyMeters(
                meters, spec.registry(), spec.tags().and("client.id", spec.clientId()), spec.maxTaggedPartitions());
        this.concurrencyMeters = concurrencyMeters;
        ConcurrentWork<K, V> work = new ConcurrentWork<>(
                cs.ordering(),
                cs.concurrency(),
                cs.maxInFlightPerPartition(),
                executor,
                cs.executor() == null,
                spec.recordHandler(),
                ctx.decoder,
                resolver,
                spec.poisonAction(),
                spec.failurePolicy().onExhausted(),
                Retry.of(spec.clientId() + "-handler", spec.failurePolicy().retryConfig()),
                concurrencyMeters);
        WatermarkCommits.Target target =
                CommitModes.watermarkTarget(spec.commitMode()).orElseThrow();
        Duration revokeBudget = spec.maxPollInterval().dividedBy(2).compareTo(REVOKE_BUDGET) < 0
                ? spec.maxPollInterval().dividedBy(2)
                : REVOKE_BUDGET;
        ctx.commits = new WatermarkCommits(
                work,
                client,
                tracker,
                meters,
                target,
                CommitModes.commitsToKafka(spec.commitMode()),
                CommitModes.store(spec.commitMode()),
                cs.commitInterval(),
                revokeBudget,
                this::drainDeadline);
        ctx.work = work;
        return new ConcurrentRound(ctx, work, concurrencyMeters, spec.clientId(), () -> MetadataLimit.read(spec));
    }

    private long drainDeadline() {
        long deadline = shutdown.drainDeadlineNanos();
        return deadline == Long.MAX_VALUE ? System.nanoTime() + DEFAULT_CLOSE_TIMEOUT.toNanos() / 2 : deadline;
    }

    private void release() {
        ConcurrencyMeters concurrent = concurrencyMeters;
        if (concurrent != null) {
            concurrent.close();
        }
        SdkMetrics.Binding bound = clientMetrics;
        if (bound != null) {
            bound.close();
        }
        metrics.close();
        liveness.close();
        RetryTopicRouter router = retryRouter;
        if (router != null) {
            router.close();
        }
        if (spec.ownsPublisher() && spec.publisher() != null) {
            try {
                spec.publisher().close();
            } catch (Exception e) {
                LOG.warn("Closing the dead-letter publisher failed: {}", e.toString());
            }
        }
        terminated.countDown();
    }

    @Override
    public void stop() {
        requestStop(DEFAULT_CLOSE_TIMEOUT);
    }

    private void requestStop(Duration budget) {
        if (state.stopIfNew()) {
            terminated.countDown();
            return;
        }
        if (!shutdown.stopRequested()) {
            shutdown.budget(budget);
        }
        shutdown.requestStop(false);
        PollLoop current = loop;
        Consumer<byte[], byte[]> client = consumer;
        if (current != null && client != null && current.inPoll()) {
            client.wakeup();
        }
    }

    @Override
    public boolean close(Duration timeout) {
        requestStop(timeout);
        long drainWait = Math.max(0, shutdown.drainDeadlineNanos() - System.nanoTime());
        try {
            if (drainWait > 0
                    && !Thread.currentThread().equals(thread)
                    && !terminated.await(drainWait, TimeUnit.NANOSECONDS)) {
                Thread pollThread = thread;
                if (pollThread != null) {
                    LOG.warn(
                            "Consumer {} did not finish its round within {} ms; interrupting the handler",
                            spec.clientId(),
                            TimeUnit.NANOSECONDS.toMillis(drainWait));
                    pollThread.interrupt();
                }
            }
            return awaitTermination(shutdown.remainingCloseTime().plusMillis(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        if (Thread.currentThread().equals(thread)) {
            return false;
        }
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        ReadyWait.await(state, timeout, spec, () -> {
            ReadinessGuard guard = readiness;
            return guard == null ? "the poll thread to start" : guard.waitingFor();
        });
    }

    @Override
    public ConsumerState state() {
        return state.current();
    }

    @Override
    public ClientHealth health() {
        return state.health().snapshot(state.current(), state.failure());
    }

    /**
     * Asks for the KIP-714 client instance id on the poll thread once started (bounded by
     * {@code cluster.client-instance-id-timeout}); called once by the builder.
     *
     * @param cluster the cluster settings
     * @return this consumer
     */
    public DefaultSdkConsumer<K, V> lookUpClientInstanceId(ClusterSettings cluster) {
        this.cluster = cluster;
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A consumer asks on its poll thread from {@link #start()} on; before that this fails at once.
     */
    @Override
    public Uuid clientInstanceId(Duration timeout) {
        ClientInstanceIdLookup lookup = state.health().instanceId();
        if (lookup == null) {
            throw new ClientTelemetryUnavailableException("KIP-714 client metrics: consumer " + spec.clientId()
                    + " looks up its client instance id on its poll thread once started; call start() first");
        }
        return lookup.await(timeout);
    }

    @Override
    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(state.failure());
    }

    @Override
    public String clientId() {
        return spec.clientId();
    }

    @Override
    public CompletableFuture<Void> seek(TopicPartition partition, StartPosition position) {
        return submit(() -> loopSeek(partition, position));
    }

    private void loopSeek(TopicPartition partition, StartPosition position) {
        loop.seekNow(partition, position);
    }

    @Override
    public CompletableFuture<Void> pause() {
        return submit(() -> loop.pauseNow(true));
    }

    @Override
    public CompletableFuture<Void> resume() {
        return submit(() -> loop.pauseNow(false));
    }

    private CompletableFuture<Void> submit(Runnable action) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        PollLoop current = loop;
        if (current == null || state.current().isTerminal()) {
            result.completeExceptionally(new IllegalStateException(
                    "Consumer " + spec.clientId() + " is not running (" + state.current() + ")"));
            return result;
        }
        current.submit(() -> {
            try {
                action.run();
                result.complete(null);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public LivenessReport livenessReport() {
        return liveness.report();
    }

    @Override
    public String toString() {
        return "SdkConsumer{clientId=" + spec.clientId() + ", state=" + state.current() + '}';
    }
}
