package dev.kafkasdk.consumer;

import dev.kafkasdk.consumer.internal.ClientProperties;
import dev.kafkasdk.consumer.internal.CommitModes;
import dev.kafkasdk.consumer.internal.ConcurrencySpec;
import dev.kafkasdk.consumer.internal.ConsumerSpec;
import dev.kafkasdk.consumer.internal.DeadLetterChannel;
import dev.kafkasdk.consumer.internal.DefaultSdkConsumer;
import dev.kafkasdk.consumer.internal.GroupMembers;
import dev.kafkasdk.consumer.internal.HandlerObservations;
import dev.kafkasdk.consumer.internal.KafkaDeadLetterPublisher;
import dev.kafkasdk.consumer.internal.ReadinessSpec;
import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.IsolationLevel;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.health.HealthListener;
import dev.kafkasdk.core.internal.HealthEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link SdkConsumer}. Obtain one from {@link SdkConsumer#builder}. Not thread-safe;
 * {@link #build()} validates everything and reports every problem in one {@link ConfigException}.
 *
 * <p>Defaults: commit mode {@link CommitMode#syncPerBatch()} (or {@link CommitMode#auto()} when the
 * settings enable auto commit), {@link FailurePolicy#defaults()}, poison pills dead-lettered when a
 * publisher is configured and skipped otherwise, {@link StartPositionStrategy#committed()},
 * {@link LivenessOptions#defaults()}, no metrics, a 250 ms poll timeout. Each {@link #build()}
 * creates a consumer with a client id and poll thread name of its own (see
 * {@link dev.kafkasdk.core.SdkClient}).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public final class SdkConsumerBuilder<K, V> {

    /** How often a concurrent consumer commits its watermarks (plus on revocation and close). */
    private static final Duration WATERMARK_COMMIT_INTERVAL = Duration.ofMillis(200);

    private final ConsumerSettings settings;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private @Nullable Subscription subscription;
    private @Nullable RecordHandler<K, V> recordHandler;
    private @Nullable BatchHandler<K, V> batchHandler;
    private @Nullable CommitMode commitMode;
    private FailurePolicy failurePolicy = FailurePolicy.defaults();
    private boolean failurePolicySet;
    private @Nullable FailureAction poisonAction;
    private @Nullable DeadLetterPublisher publisher;
    private @Nullable Function<String, String> ownedDeadLetterNaming;
    private StartPositionStrategy startPositions = StartPositionStrategy.committed();
    private LivenessOptions liveness = LivenessOptions.defaults();
    private @Nullable MeterRegistry registry;
    private @Nullable ObservationRegistry observations;
    private boolean observeBatchRecords;
    private Tags tags = Tags.empty();
    private int maxTaggedPartitions = 32;
    private Duration pollTimeout = Duration.ofMillis(250);
    private Function<Map<String, Object>, Consumer<byte[], byte[]>> clientFactory = KafkaConsumer::new;
    private Executor executor;
    private final List<HealthListener> healthListeners = new ArrayList<>();
    private Duration idleEventAfter = Duration.ofMinutes(1);

    SdkConsumerBuilder(ConsumerSettings settings, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
    }

    /**
     * What to read.
     *
     * @param subscription topics or partitions
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> subscribe(Subscription subscription) {
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        return this;
    }

    /**
     * Subscribes to topics through the group.
     *
     * @param topics the topics
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> subscribe(String... topics) {
        return subscribe(Subscription.topics(topics));
    }

    /**
     * Assigns partitions without a group.
     *
     * @param partitions the partitions
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> assign(TopicPartition... partitions) {
        return subscribe(Subscription.assign(partitions));
    }

    /**
     * Processes records one at a time. Exclusive with {@link #batchHandler}.
     *
     * @param handler the handler; runs on the poll thread
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> recordHandler(RecordHandler<K, V> handler) {
        this.recordHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Processes each round's records at once. Exclusive with {@link #recordHandler}.
     *
     * @param handler the handler; runs on the poll thread
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> batchHandler(BatchHandler<K, V> handler) {
        this.batchHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * How progress is recorded; see {@link CommitMode} for each mode's guarantee.
     *
     * @param mode the commit mode
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> commitMode(CommitMode mode) {
        this.commitMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * What happens when the handler throws.
     *
     * @param policy the policy
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> failurePolicy(FailurePolicy policy) {
        this.failurePolicy = Objects.requireNonNull(policy, "policy");
        this.failurePolicySet = true;
        return this;
    }

    /**
     * What happens to a record whose key or value cannot be deserialized. It never stops the poll
     * loop unless {@link FailureAction#STOP} is chosen.
     *
     * @param action {@link FailureAction#DEAD_LETTER} (needs a publisher), {@link FailureAction#SKIP}
     *     (logged at WARN) or {@link FailureAction#STOP}
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> onPoisonPill(FailureAction action) {
        this.poisonAction = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Where dead letters go. The consumer does not close this publisher. It waits at most
     * {@code dead-letter-timeout} for each dead letter to be stored, and checks at start the topics
     * {@link DeadLetterPublisher#topicFor} names.
     *
     * @param publisher the publisher
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> deadLetters(DeadLetterPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.ownedDeadLetterNaming = null;
        return this;
    }

    /**
     * Dead letters go to {@code <topic>.DLT} through a raw byte[] producer that the consumer creates on
     * {@link #build()} and closes on close. The producer takes the settings of the producer named by
     * the setting {@code dead-letter-producer}, else these consumer settings' connection. Its
     * {@code send()} blocks at most that producer's {@code max-block} and {@code dead-letter-timeout};
     * storing one dead letter takes at most {@code dead-letter-timeout}, past which the consumer fails
     * without committing the record. At start the consumer checks that each {@code <topic>.DLT} exists
     * (or creates it with {@code create-dead-letter-topics: true}). Setting {@code dead-letter-producer}
     * has the same effect as calling this method.
     *
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> deadLettersToKafka() {
        return deadLettersToKafka(DeadLetterPublisher.DEFAULT_TOPIC_NAMING);
    }

    /**
     * Like {@link #deadLettersToKafka()} with a topic naming function.
     *
     * @param naming maps a source topic to its dead-letter topic
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> deadLettersToKafka(Function<String, String> naming) {
        this.ownedDeadLetterNaming = Objects.requireNonNull(naming, "naming");
        this.publisher = null;
        return this;
    }

    /**
     * Where newly assigned partitions start.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> startPosition(StartPositionStrategy strategy) {
        this.startPositions = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * Run-time liveness guarding.
     *
     * @param options the options
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> liveness(LivenessOptions options) {
        this.liveness = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Records Kafka's client metrics (Micrometer {@code KafkaClientMetrics}) and the SDK's consumer
     * meters in a registry. Without a registry nothing is measured. The registry is not closed. The
     * same method exists on every SDK client builder.
     *
     * @param registry the registry
     * @param tags tags added to every meter; {@code Tags.empty()} for none
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> metrics(MeterRegistry registry, Iterable<Tag> tags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        return this;
    }

    /**
     * Observes every handler call through Micrometer's Observation API: one observation per handled
     * record (span name {@code process <topic>}, observation name {@code kafka.sdk.process}; each
     * retry attempt is one) or per handled batch ({@code kafka.sdk.process.batch}), and one send
     * observation per dead-letter publish, whose parent is the failed handling. A propagating
     * tracing handler makes a record's observation a child of the producer's context read from
     * its headers (W3C {@code traceparent} with OpenTelemetry); a record without context starts a
     * new trace. While a handler runs, the SLF4J MDC holds {@code kafka.topic},
     * {@code kafka.partition}, {@code kafka.offset} and {@code kafka.group}; give
     * {@code ObservationRegistry.NOOP} for the MDC alone. Without this call handlers run unwrapped
     * and no observation objects are created. The registry stays the caller's. See
     * {@code docs/tracing.md}.
     *
     * @param registry the caller's observation registry
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> observations(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * With {@link #observations(ObservationRegistry)} and a batch handler: besides the batch's
     * observation (whose span links every record's producer context), each record the handler takes
     * from the batch's iterator (a for-each over the batch) gets an observation of its own,
     * {@code kafka.sdk.process} (span {@code process <topic>}), a child of that record's producer
     * context, current while the handler works on the record: from the iterator's {@code next()}
     * until the next {@code next()}, the end of the iteration, or the handler's return or throw
     * (then it carries the error). Records read through {@code records()} are not observed. Off by
     * default: a batch of 1,000 records then makes 1,000 spans.
     *
     * @param enabled {@code true} to observe each iterated record
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> observeBatchRecords(boolean enabled) {
        this.observeBatchRecords = enabled;
        return this;
    }

    /**
     * Caps per-partition tags of the committed-lag gauge; further partitions are summed under
     * {@code partition=other}.
     *
     * @param max at least 0; default 32
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> maxTaggedPartitions(int max) {
        this.maxTaggedPartitions = max;
        return this;
    }

    /**
     * Adds a listener for the consumer's {@link dev.kafkasdk.core.health.HealthEvent}s:
     * {@code STARTED}, {@code READY} (joined its group or took its partitions),
     * {@code PARTITIONS_ASSIGNED} and {@code PARTITIONS_REVOKED}, {@code IDLE} (no record for
     * {@link #idleEventAfter(Duration)}), {@code FAILED} and {@code STOPPED}. Listeners run on the
     * consumer's own health thread, never on the poll thread; an exception from one is logged and
     * ignored (see {@link HealthListener}). With {@code instances: N} each member sends its own
     * events, under its own client id.
     *
     * @param listener the listener
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> healthListener(HealthListener listener) {
        healthListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * How long a running consumer may receive no record before its health listeners get an
     * {@code IDLE} event (once per idle stretch).
     *
     * @param idleFor positive; default one minute
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public SdkConsumerBuilder<K, V> idleEventAfter(Duration idleFor) {
        Objects.requireNonNull(idleFor, "idleFor");
        if (idleFor.isZero() || idleFor.isNegative()) {
            throw new IllegalArgumentException(
                    "idleEventAfter must be positive, was " + idleFor + "; for example Duration.ofMinutes(1)");
        }
        this.idleEventAfter = idleFor;
        return this;
    }

    /**
     * The longest a single {@code poll()} waits for records; also how soon queued seeks and pauses
     * run when no record arrives.
     *
     * @param timeout positive; default 250 ms
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> pollTimeout(Duration timeout) {
        this.pollTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Replaces how the Kafka client is created, e.g. with a {@code MockConsumer} in unit tests. The
     * function receives the final properties and must return a client reading {@code byte[]}.
     *
     * @param factory the factory
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> clientFactory(Function<Map<String, Object>, Consumer<byte[], byte[]>> factory) {
        this.clientFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * The executor that runs the handler when the settings ask for concurrent processing
     * ({@code ordering} other than {@code partition}, or {@code concurrency} above 1). Without one the
     * consumer uses virtual threads on Java 21+ and a pool of {@code concurrency} platform threads
     * otherwise. The consumer never submits more than {@code concurrency} tasks at once and never shuts
     * this executor down.
     *
     * @param executor the executor; ignored by a sequential consumer
     * @return this builder
     */
    public SdkConsumerBuilder<K, V> executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Validates and builds the consumer; nothing connects until {@link SdkConsumer#start()}. With the
     * setting {@code instances: N} above 1 the result runs N members of the group in this process, each
     * with its own client, poll thread, client id {@code <client id>-<i>} and meter tag
     * {@code instance=<i>}; they share the handler, which must then be thread-safe.
     *
     * @return the consumer
     * @throws ConfigException listing every problem found
     */
    public SdkConsumer<K, V> build() {
        List<ConfigProblem> problems = new ArrayList<>();
        String prefix = "consumers." + settings.name() + ".";
        CommitMode mode = commitMode != null
                ? commitMode
                : settings.enableAutoCommit()
                        ? CommitMode.auto()
                        : settings.concurrent() ? CommitMode.async() : CommitMode.syncPerBatch();
        RetryTopicsSetup.Result tiers = RetryTopicsSetup.resolve(
                settings, failurePolicySet ? failurePolicy : null, subscription, batchHandler != null, mode, problems);
        FailurePolicy savedPolicy = failurePolicy;
        Subscription savedSubscription = subscription;
        boolean defaultDeadLetters = tiers.policy() != null && publisher == null && ownedDeadLetterNaming == null;
        if (tiers.policy() != null) {
            failurePolicy = tiers.policy();
            subscription = tiers.subscription();
            if (defaultDeadLetters) {
                ownedDeadLetterNaming = DeadLetterPublisher.DEFAULT_TOPIC_NAMING;
            }
        }
        try {
            FailureAction poison = poisonAction != null
                    ? poisonAction
                    : hasPublisher() ? FailureAction.DEAD_LETTER : FailureAction.SKIP;
            return build(problems, prefix, mode, poison);
        } finally {
            failurePolicy = savedPolicy;
            subscription = savedSubscription;
            if (defaultDeadLetters) {
                ownedDeadLetterNaming = null;
            }
        }
    }

    private SdkConsumer<K, V> build(
            List<ConfigProblem> problems, String prefix, CommitMode mode, FailureAction poison) {
        validate(problems, prefix, mode, poison);
        validateConcurrent(problems, prefix, mode);
        ClientProperties.Resolved resolved = ClientProperties.resolve(settings, mode);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        int instances = settings.instances();
        if (instances == 1) {
            return member(
                    resolved,
                    resolved.clientId(),
                    resolved.properties(),
                    tags,
                    resolved.pollThreadName(),
                    mode,
                    poison);
        }
        List<SdkConsumer<K, V>> members = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            String id = resolved.clientId() + "-" + i;
            Map<String, Object> props = new java.util.HashMap<>(resolved.properties());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, id);
            members.add(member(
                    resolved,
                    id,
                    props,
                    tags.and("instance", Integer.toString(i)),
                    resolved.pollThreadName() + "-" + i,
                    mode,
                    poison));
        }
        return new GroupMembers<>(resolved.clientId(), members);
    }

    private SdkConsumer<K, V> member(
            ClientProperties.Resolved resolved,
            String clientId,
            Map<String, Object> props,
            Tags memberTags,
            String pollThreadName,
            CommitMode mode,
            FailureAction poison) {
        DeadLetterPublisher dlt = deadLetterChannel(props, clientId);
        boolean owned = dlt != null && publisher == null;
        RecordHandler<K, V> records = recordHandler;
        BatchHandler<K, V> batches = batchHandler;
        if (observations != null) {
            HandlerObservations observed = new HandlerObservations(
                    observations, settings.groupId().orElse(null), clientId, observeBatchRecords);
            records = observed.wrap(records);
            batches = observed.wrap(batches);
            DeadLetterPublisher named = dlt;
            dlt = observed.wrap(
                    dlt, owned && dlt != null ? topic -> named.topicFor(topic).orElse(topic + ".DLT") : null);
        }
        return new DefaultSdkConsumer<>(
                        new ConsumerSpec<>(
                                clientId,
                                props,
                                settings.groupId(),
                                settings.groupProtocol(),
                                resolved.maxPollInterval(),
                                resolved.maxPollRecords(),
                                resolved.sessionTimeout(),
                                resolved.heartbeatInterval(),
                                subscription,
                                records,
                                batches,
                                keyDeserializer,
                                valueDeserializer,
                                mode,
                                failurePolicy,
                                poison,
                                dlt,
                                owned,
                                startPositions,
                                liveness,
                                registry,
                                memberTags,
                                maxTaggedPartitions,
                                pollTimeout,
                                clientFactory,
                                concurrency(),
                                ReadinessSpec.of(settings)),
                        pollThreadName,
                        HealthEvents.create(
                                clientId, healthListeners, pollThreadName.replaceFirst("-poll(-\\d+)?$", "-health$1")),
                        idleEventAfter)
                .lookUpClientInstanceId(settings.cluster());
    }

    private ConcurrencySpec concurrency() {
        if (!settings.concurrent()) {
            return ConcurrencySpec.SEQUENTIAL;
        }
        return new ConcurrencySpec(
                true,
                settings.ordering(),
                settings.concurrency(),
                settings.maxInFlightPerPartition(),
                executor,
                WATERMARK_COMMIT_INTERVAL,
                OptionalInt.empty());
    }

    /** What concurrent processing cannot combine with; every problem names the setting to change. */
    private void validateConcurrent(List<ConfigProblem> problems, String prefix, CommitMode mode) {
        if (!settings.concurrent()) {
            return;
        }
        String why = "ordering " + settings.ordering().value() + " with concurrency " + settings.concurrency();
        if (batchHandler != null) {
            problems.add(
                    new ConfigProblem(
                            prefix + "concurrency",
                            Integer.toString(settings.concurrency()),
                            why
                                    + " runs a recordHandler on worker threads; a batchHandler needs ordering: partition and concurrency: 1"));
        }
        if (CommitModes.watermarkTarget(mode).isEmpty()) {
            problems.add(
                    new ConfigProblem(
                            "commitMode",
                            CommitModes.describe(mode),
                            why + " commits watermarks; use "
                                    + "CommitMode.async() (the default), syncPerBatch() (periodic commitSync), external(store) or none()"));
        }
        OffsetStore store = CommitModes.store(mode);
        if (store != null && !overridesStoreWatermarks(store)) {
            problems.add(
                    new ConfigProblem(
                            "commitMode",
                            "external(" + store.getClass().getName() + ")",
                            why
                                    + " needs OffsetStore.storeWatermarks(...): the handler cannot store offsets that complete out of order"));
        }
    }

    private static boolean overridesStoreWatermarks(OffsetStore store) {
        try {
            return store.getClass().getMethod("storeWatermarks", Map.class).getDeclaringClass() != OffsetStore.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void validate(List<ConfigProblem> problems, String prefix, CommitMode mode, FailureAction poison) {
        if (recordHandler == null && batchHandler == null) {
            problems.add(new ConfigProblem("handler", "<none>", "set recordHandler(...) or batchHandler(...)"));
        } else if (recordHandler != null && batchHandler != null) {
            problems.add(
                    new ConfigProblem("handler", "record and batch", "set only one of recordHandler and batchHandler"));
        }
        if (subscription == null) {
            problems.add(new ConfigProblem("subscription", "<none>", "call subscribe(...) or assign(...)"));
        }
        boolean hasGroup = settings.groupId().isPresent();
        if (settings.instances() > 1 && subscription != null && !subscription.usesGroup()) {
            problems.add(new ConfigProblem(
                    prefix + "instances",
                    Integer.toString(settings.instances()),
                    "several instances share partitions through the group; with assign(...) each would read the same "
                            + "partitions; use subscribe(...) or instances: 1"));
        }
        if (subscription != null && subscription.usesGroup() && !hasGroup) {
            problems.add(new ConfigProblem(
                    prefix + "group-id",
                    "<none>",
                    "subscribe needs a group id; set group-id or use assign(...) without a group"));
        }
        boolean commitsToKafka = CommitModes.commitsToKafka(mode);
        if (commitsToKafka && !hasGroup) {
            problems.add(
                    new ConfigProblem(
                            prefix + "group-id",
                            "<none>",
                            "commit mode " + describe(mode)
                                    + " commits to Kafka and needs a group id; set group-id, or use CommitMode.external(store) or CommitMode.none()"));
        }
        if (settings.enableAutoCommit() && CommitModes.kind(mode) != CommitModes.Kind.AUTO) {
            problems.add(new ConfigProblem(
                    prefix + "enable-auto-commit",
                    "true",
                    "conflicts with commit mode " + describe(mode)
                            + "; set enable-auto-commit to false or use CommitMode.auto()"));
        }
        if (CommitModes.kind(mode) == CommitModes.Kind.TRANSACTIONAL
                && settings.isolationLevel()
                        .filter(l -> l == IsolationLevel.READ_UNCOMMITTED)
                        .isPresent()) {
            problems.add(
                    new ConfigProblem(
                            prefix + "isolation-level",
                            "read_uncommitted",
                            "the transactional commit mode reads with read_committed; remove the setting or set read_committed"));
        }
        if (settings.deadLetterProducerName().isPresent()
                && settings.deadLetterProducer().isEmpty()
                && publisher == null) {
            problems.add(new ConfigProblem(
                    prefix + "dead-letter-producer",
                    settings.deadLetterProducerName().get(),
                    "names a producer of a configuration; take these consumer settings from "
                            + "KafkaSdkConfig.consumer(name), which resolves it, or attach the producer with "
                            + "ConsumerSettings.Builder.deadLetterProducer(producerSettings)"));
        }
        if (!hasPublisher()
                && (poison == FailureAction.DEAD_LETTER || failurePolicy.onExhausted() == FailureAction.DEAD_LETTER)) {
            problems.add(new ConfigProblem(
                    "deadLetters",
                    "<none>",
                    "FailureAction.DEAD_LETTER needs deadLetters(publisher) or deadLettersToKafka()"));
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            problems.add(new ConfigProblem("pollTimeout", pollTimeout.toString(), "must be positive"));
        }
        if (maxTaggedPartitions < 0) {
            problems.add(
                    new ConfigProblem("maxTaggedPartitions", Integer.toString(maxTaggedPartitions), "must be >= 0"));
        }
    }

    /** A Kafka dead-letter publisher is owned when asked for in code or named by {@code dead-letter-producer}. */
    private boolean hasPublisher() {
        return publisher != null
                || ownedDeadLetterNaming != null
                || settings.deadLetterProducerName().isPresent();
    }

    /**
     * The member's dead-letter publisher with the settings' bound and topic check: the caller's, or one
     * the consumer owns, built from the {@code dead-letter-producer}'s settings or the consumer's own
     * connection, with {@code send()} bounded by its {@code max-block} and {@code dead-letter-timeout}.
     */
    private @Nullable DeadLetterChannel deadLetterChannel(Map<String, Object> consumerProps, String clientId) {
        if (!hasPublisher()) {
            return null;
        }
        Duration timeout = settings.deadLetterTimeout();
        String prefix = "consumers." + settings.name() + ".";
        if (publisher != null) {
            Map<String, Object> where =
                    publisher instanceof KafkaDeadLetterPublisher kafka ? kafka.connectionProperties() : consumerProps;
            return new DeadLetterChannel(publisher, timeout, settings.createDeadLetterTopics(), where, prefix);
        }
        Map<String, Object> props = new java.util.HashMap<>(settings.deadLetterProducer()
                .map(ProducerSettings::toProperties)
                .orElse(consumerProps));
        props.put(org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG, clientId);
        Function<String, String> naming =
                ownedDeadLetterNaming != null ? ownedDeadLetterNaming : DeadLetterPublisher.DEFAULT_TOPIC_NAMING;
        return new DeadLetterChannel(
                new KafkaDeadLetterPublisher(props, naming, timeout),
                timeout,
                settings.createDeadLetterTopics(),
                props,
                prefix);
    }

    private static String describe(CommitMode mode) {
        return CommitModes.describe(mode);
    }
}
