package dev.kafkasdk.producer;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.health.HealthListener;
import dev.kafkasdk.core.metrics.SdkMetrics;
import dev.kafkasdk.producer.internal.ProducerAssembly;
import dev.kafkasdk.producer.internal.ProducerOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link SdkProducer} or {@link TransactionalProducer} with options. Obtain one from
 * {@link SdkProducer#builder(ProducerSettings, Serde, Serde)}; every option is optional.
 * Not thread-safe; each {@code build} call creates a new producer with a client id and thread
 * names of its own (see {@link dev.kafkasdk.core.SdkClient}).
 *
 * <pre>{@code
 * SdkProducer<String, Order> producer = SdkProducer
 *     .builder(config.producer("orders"), Serdes.string(), Serdes.json(Order.class))
 *     .metrics(registry, Tags.of("app", "billing"))
 *     .circuitBreaker(CircuitBreakerSettings.defaults())
 *     .maxInFlight(10_000)
 *     .build();
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public final class SdkProducerBuilder<K, V> {

    private final ProducerSettings settings;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private @Nullable Executor completionExecutor;
    private SdkMetrics metrics = SdkMetrics.noop();
    private @Nullable CircuitBreaker circuitBreaker;
    private @Nullable CircuitBreakerSettings circuitBreakerSettings;
    private int maxInFlight;
    private @Nullable Function<Map<String, Object>, Producer<byte[], byte[]>> clientFactory;
    private final List<String> warmTopics = new ArrayList<>();
    private final List<HealthListener> healthListeners = new ArrayList<>();
    private @Nullable ObservationRegistry observations;

    SdkProducerBuilder(ProducerSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
        this.settings = settings;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    /**
     * Completes futures and runs callbacks on this executor instead of the SDK's own single
     * completion thread. The executor stays the caller's: the producer never shuts it down, and it
     * must keep running until the producer is closed (if it rejects a task, that completion runs
     * on the thread that reported it). A multi-threaded executor gives up kafka-clients'
     * per-partition completion order.
     *
     * @param executor the caller's executor
     * @return this builder
     */
    public SdkProducerBuilder<K, V> completionExecutor(Executor executor) {
        this.completionExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Publishes metrics to this registry: kafka-clients' own producer metrics through Micrometer's
     * {@code KafkaClientMetrics} (unbound when the producer closes), and the SDK's send timer
     * ({@code kafka.sdk.producer.send}) and counters ({@code kafka.sdk.producer.records.sent},
     * {@code kafka.sdk.producer.records.failed}), each tagged with the given tags. The registry
     * stays the caller's and is never closed. Without metrics the producer creates no meters and
     * reads no clocks for them. The same method exists on every SDK client builder.
     *
     * @param registry the caller's registry
     * @param tags tags for every meter of this producer; {@code Tags.empty()} for none
     * @return this builder
     */
    public SdkProducerBuilder<K, V> metrics(MeterRegistry registry, Iterable<Tag> tags) {
        this.metrics = SdkMetrics.of(
                Objects.requireNonNull(registry, "registry"), Tags.of(Objects.requireNonNull(tags, "tags")));
        return this;
    }

    /**
     * Observes every send through Micrometer's Observation API: one observation (span name
     * {@code send <topic>}, observation name {@code kafka.sdk.send}) from {@code send} until the
     * acknowledgement or failure, with topic, client id, outcome and error type as low-cardinality
     * key values and partition, offset and key as high-cardinality ones. It starts on the sending
     * thread, so the caller's current observation or span is its parent, and a propagating tracing
     * handler writes the trace context into the record's headers (W3C {@code traceparent} with
     * OpenTelemetry). A record that fails to serialize is not observed. Without this call the
     * producer creates no observation objects. The registry stays the caller's. See
     * {@code docs/tracing.md}.
     *
     * @param registry the caller's observation registry
     * @return this builder
     */
    public SdkProducerBuilder<K, V> observations(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Guards sends with the caller's Resilience4j circuit breaker: while it is open, sends fail at
     * once with a {@link dev.kafkasdk.core.RetriableKafkaSdkException} instead of each waiting
     * for the cluster. Only retriable failures are reported to it as errors; any answer from
     * the cluster (even a rejection) counts as a success. The breaker stays the caller's.
     *
     * @param breaker the caller's circuit breaker
     * @return this builder
     */
    public SdkProducerBuilder<K, V> circuitBreaker(CircuitBreaker breaker) {
        this.circuitBreaker = Objects.requireNonNull(breaker, "breaker");
        return this;
    }

    /**
     * Guards sends with a new circuit breaker built from simple settings and named after the
     * producer's client id; see {@link CircuitBreakerSettings}.
     *
     * @param breakerSettings the breaker's settings
     * @return this builder
     */
    public SdkProducerBuilder<K, V> circuitBreaker(CircuitBreakerSettings breakerSettings) {
        this.circuitBreakerSettings = Objects.requireNonNull(breakerSettings, "breakerSettings");
        return this;
    }

    /**
     * Caps the records sent but not yet answered by the broker. A send beyond the cap fails at once
     * with a {@link dev.kafkasdk.core.RetriableKafkaSdkException}; with {@code blocking-send: true}
     * it first waits up to {@code max.block.ms} for an answer to free a permit. 0 (the default) means no cap beyond
     * kafka-clients' own {@code buffer.memory}.
     *
     * @param records the cap, 0 or more
     * @return this builder
     */
    public SdkProducerBuilder<K, V> maxInFlight(int records) {
        this.maxInFlight = records;
        return this;
    }

    /**
     * Names topics whose metadata the producer fetches as soon as it is created (besides the
     * settings' {@code topics}), so that their first sends go straight to kafka-clients instead of
     * waiting in the topic's queue. Fetching never delays {@code build()}.
     *
     * @param topics topic names
     * @return this builder
     */
    public SdkProducerBuilder<K, V> warmTopics(String... topics) {
        for (String topic : Objects.requireNonNull(topics, "topics")) {
            warmTopics.add(Objects.requireNonNull(topic, "topic"));
        }
        return this;
    }

    /**
     * Replaces how the kafka-clients producer is created, for tests with kafka-clients'
     * {@code MockProducer}. The function receives the exact properties (byte-array serializers
     * included) and its producer is owned, and closed, by the SDK producer.
     *
     * @param factory creates the kafka-clients producer from properties
     * @return this builder
     */
    public SdkProducerBuilder<K, V> clientFactory(Function<Map<String, Object>, Producer<byte[], byte[]>> factory) {
        this.clientFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Adds a listener for the producer's {@link dev.kafkasdk.core.health.HealthEvent}s:
     * {@code STARTED} when built, {@code FAILED} on its first fatal error, {@code STOPPED} when
     * closed. Listeners run on the producer's own health thread, never on kafka-clients' I/O
     * thread; an exception from one is logged and ignored (see {@link HealthListener}).
     *
     * @param listener the listener
     * @return this builder
     */
    public SdkProducerBuilder<K, V> healthListener(HealthListener listener) {
        healthListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Creates the producer.
     *
     * @return a running producer; close it when done
     * @throws ConfigException naming every invalid option
     * @throws dev.kafkasdk.core.KafkaSdkException if kafka-clients rejects the configuration
     */
    public SdkProducer<K, V> build() {
        return ProducerAssembly.plain(options(false));
    }

    /**
     * Creates a transactional producer and registers its transactional id with the cluster
     * ({@code initTransactions}, blocking up to {@code max.block.ms}).
     *
     * @return a producer ready for transactions; close it when done
     * @throws ConfigException naming every invalid option, including a missing transactional id
     * @throws dev.kafkasdk.core.KafkaSdkException if {@code initTransactions} fails
     */
    public TransactionalProducer<K, V> buildTransactional() {
        return ProducerAssembly.transactional(options(true));
    }

    private ProducerOptions<K, V> options(boolean transactional) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (settings == null) {
            problems.add(new ConfigProblem("settings", "null", "producer settings are required"));
        }
        if (keySerde == null) {
            problems.add(new ConfigProblem("keySerde", "null", "a key serde is required, e.g." + " Serdes.string()"));
        }
        if (valueSerde == null) {
            problems.add(new ConfigProblem(
                    "valueSerde", "null", "a value serde is required, e.g." + " Serdes.json(MyType.class)"));
        }
        if (maxInFlight < 0) {
            problems.add(new ConfigProblem(
                    "maxInFlight", String.valueOf(maxInFlight), "must be 0 (no cap) or a positive number of records"));
        }
        if (circuitBreaker != null && circuitBreakerSettings != null) {
            problems.add(new ConfigProblem(
                    "circuitBreaker",
                    circuitBreaker.getName(),
                    "give either a CircuitBreaker or CircuitBreakerSettings, not both"));
        }
        if (transactional && settings != null && settings.transactionalId().isEmpty()) {
            problems.add(new ConfigProblem(
                    "producers." + settings.name() + ".transactional-id",
                    "(unset)",
                    "a transactional producer needs a transactional-id"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ProducerOptions<>(
                settings,
                keySerde,
                valueSerde,
                completionExecutor,
                metrics,
                circuitBreaker,
                circuitBreakerSettings,
                maxInFlight,
                clientFactory,
                List.copyOf(warmTopics),
                List.copyOf(healthListeners),
                observations);
    }
}
