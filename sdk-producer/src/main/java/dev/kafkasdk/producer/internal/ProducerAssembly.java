package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.internal.AuthenticationHints;
import dev.kafkasdk.core.internal.AuthenticationRetry;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.ClientNames;
import dev.kafkasdk.core.internal.HealthEvents;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.TransactionalProducer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds producers from validated options: renders the kafka-clients properties, creates the
 * kafka-clients producer of bytes, and wires completion executor, meters, circuit breaker and
 * in-flight cap. Everything here happens once per producer, never per send.
 */
public final class ProducerAssembly {

    private ProducerAssembly() {}

    /**
     * Creates a plain producer.
     *
     * @param options validated options
     * @param <K> the key type
     * @param <V> the value type
     * @return the producer
     */
    public static <K, V> SdkProducer<K, V> plain(ProducerOptions<K, V> options) {
        return new DefaultSdkProducer<>(parts(options, false));
    }

    /**
     * Creates a transactional producer and initializes its transactions.
     *
     * @param options validated options with a transactional id
     * @param <K> the key type
     * @param <V> the value type
     * @return the producer
     */
    public static <K, V> TransactionalProducer<K, V> transactional(ProducerOptions<K, V> options) {
        String transactionalId = options.settings().transactionalId().orElseThrow();
        DefaultTransactionalProducer<K, V> producer =
                new DefaultTransactionalProducer<>(parts(options, true), transactionalId);
        producer.initTransactions();
        return producer;
    }

    private static <K, V> ProducerParts<K, V> parts(ProducerOptions<K, V> options, boolean transactional) {
        Map<String, Object> properties = options.settings().toProperties();
        Object configuredId = properties.get(ProducerConfig.CLIENT_ID_CONFIG);
        ClientNames.Name names = ClientNames.next(
                "producer",
                options.settings().name(),
                Optional.ofNullable(configuredId).map(Object::toString),
                options.settings().cluster().clientIdPrefix());
        String clientId = names.clientId();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerLimits limits = ProducerLimits.from(options.settings());
        // transactions need max.block.ms for initTransactions and commit, so they keep blocking sends
        boolean nonBlocking = !limits.blockingSend() && !transactional;
        if (nonBlocking) {
            // kafka-clients then fails at once where it would wait; the SDK queues or fails instead
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        } else if (!limits.blockingSend()) {
            limits = limits.blocking();
        }
        HealthEvents health = HealthEvents.create(clientId, options.healthListeners(), names.thread("health"));
        // transactional producers keep authentication failures fatal: their transaction handling is unchanged
        AuthenticationRetry authentication = transactional
                ? null
                : new AuthenticationRetry(
                        "Producer",
                        clientId,
                        options.settings().cluster().authenticationRetryTimeout(),
                        System::nanoTime);
        FailureTranslator failures = new FailureTranslator(
                clientId,
                limits,
                options.settings().cluster().security(),
                authentication,
                () -> health.lastContact().map(Instant::toEpochMilli).orElse(0L));
        Producer<byte[], byte[]> kafka = createClient(options, properties, clientId);

        SendMetrics metrics = SendMetrics.NOOP;
        AutoCloseable clientMetrics = null;
        if (options.metrics().isEnabled()) {
            metrics = SendMetrics.micrometer(options.metrics(), clientId);
            clientMetrics = options.metrics().bindClientMetrics(kafka);
        }
        CompletionExecutor executor = options.completionExecutor() == null
                ? CompletionExecutor.owned(names.thread("completions"))
                : CompletionExecutor.callerOwned(options.completionExecutor());
        InFlightLimiter limiter = options.maxInFlight() > 0
                ? InFlightLimiter.of(options.maxInFlight(), nonBlocking ? 0 : limits.maxBlockMs())
                : InFlightLimiter.UNLIMITED;
        SendContext context = new SendContext(
                executor,
                metrics,
                BreakerGate.of(breaker(options, clientId)),
                limiter,
                failures,
                new FatalState(clientId, health::failed),
                health);
        RecordEncoder<K, V> encoder = new RecordEncoder<>(
                options.keySerde().serializer(), options.valueSerde().serializer(), failures, limits);
        PendingTopics pending = null;
        if (nonBlocking) {
            TopicDiagnosis diagnosis = new TopicDiagnosis(properties, clientId, diagnosisBound(limits), Admin::create);
            pending = new PendingTopics(kafka, limits, failures, diagnosis, names.thread("metadata"));
            pending.warm(topics(options));
        }
        SendObservations observations =
                options.observations() == null ? null : new SendObservations(options.observations(), clientId);
        ClientInstanceIdLookup instanceId =
                ClientInstanceIdLookup.create(clientId, options.settings().cluster(), options.metrics());
        instanceId.lookUpInBackground(kafka::clientInstanceId, names.thread("instance-id"));
        return new ProducerParts<>(
                clientId, kafka, encoder, context, clientMetrics, pending, health, observations, instanceId);
    }

    /** How long the question "missing or not authorized?" may take: missing-topic-timeout, 1 to 10 s. */
    private static Duration diagnosisBound(ProducerLimits limits) {
        long ms = Math.max(1_000, Math.min(10_000, limits.missingTopicTimeoutMs()));
        return Duration.ofMillis(ms);
    }

    private static Producer<byte[], byte[]> createClient(
            ProducerOptions<?, ?> options, Map<String, Object> properties, String clientId) {
        try {
            return options.clientFactory() == null
                    ? new KafkaProducer<>(properties)
                    : options.clientFactory().apply(properties);
        } catch (KafkaException e) {
            Optional<String> login = AuthenticationHints.loginFailure(
                    e, options.settings().cluster().security());
            KafkaSdkException.Builder failure = KafkaSdkException.builder("Could not create the Kafka producer '"
                            + options.settings().name() + "': " + e.getMessage() + login.orElse(""))
                    .clientId(clientId)
                    .cause(e);
            throw login.isPresent() ? failure.fatal() : failure.build();
        }
    }

    private static List<String> topics(ProducerOptions<?, ?> options) {
        Set<String> topics =
                new LinkedHashSet<>(options.settings().get(ProducerKeys.TOPICS).orElse(List.of()));
        topics.addAll(options.warmTopics());
        return List.copyOf(topics);
    }

    private static CircuitBreaker breaker(ProducerOptions<?, ?> options, String clientId) {
        if (options.circuitBreaker() != null) {
            return options.circuitBreaker();
        }
        return options.circuitBreakerSettings() == null
                ? null
                : options.circuitBreakerSettings().toCircuitBreaker(clientId);
    }
}
