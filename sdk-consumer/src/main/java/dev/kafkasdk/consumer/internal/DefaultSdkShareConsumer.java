package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.consumer.SdkShareConsumerBuilder;
import dev.kafkasdk.consumer.ShareStats;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.config.ShareExhaustedAction;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.internal.ClientNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SdkShareConsumer}: one poll thread owns the kafka-clients share consumer and runs a
 * {@link ShareRound} per poll; handlers run on a worker executor. Not API.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class DefaultSdkShareConsumer<K, V> implements SdkShareConsumer<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSdkShareConsumer.class);
    private static final Duration GROUP_CONFIG_TIMEOUT = Duration.ofSeconds(30);

    private final SdkShareConsumerBuilder.Spec<K, V> spec;
    private final ShareConsumerSettings settings;
    private final ClientNames.Name names;
    private final Map<String, Object> properties;
    private final ShareCounters counters;
    private final AtomicReference<ConsumerState> state = new AtomicReference<>(ConsumerState.NEW);
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private final Thread pollThread;
    private volatile boolean running = true;
    /** When the cluster last answered: the group configs applied, or a poll that returned records. */
    private volatile @Nullable Instant lastContact;

    /**
     * Creates a stopped consumer.
     *
     * @param spec what the builder collected
     */
    public DefaultSdkShareConsumer(SdkShareConsumerBuilder.Spec<K, V> spec) {
        this.spec = spec;
        this.settings = spec.settings();
        this.names = ClientNames.next(
                "share-consumer",
                settings.name(),
                settings.clientId(),
                settings.cluster().clientIdPrefix());
        this.properties = new HashMap<>(settings.toProperties());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, names.clientId());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.counters = new ShareCounters(spec.registry(), spec.tags(), names.clientId());
        this.pollThread = new Thread(this::run, names.thread("poll"));
        pollThread.setDaemon(false);
    }

    @Override
    public void start() {
        if (!state.compareAndSet(ConsumerState.NEW, ConsumerState.STARTING)) {
            throw new IllegalStateException(
                    "share consumer " + names.clientId() + " cannot start: it is " + state.get());
        }
        pollThread.start();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean close(Duration timeout) {
        stop();
        if (state.compareAndSet(ConsumerState.NEW, ConsumerState.STOPPED)) {
            return true;
        }
        try {
            return awaitTermination(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        if (state.get() == ConsumerState.NEW) {
            return false;
        }
        pollThread.join(Math.max(1, timeout.toMillis()));
        return !pollThread.isAlive();
    }

    @Override
    public ClientHealth health() {
        ConsumerState current = state.get();
        ClientHealth.Status status = switch (current) {
            case NEW, STARTING -> ClientHealth.Status.STARTING;
            case RUNNING -> ClientHealth.Status.READY;
            case PAUSED, REBALANCING -> ClientHealth.Status.NOT_READY;
            case STOPPED -> ClientHealth.Status.STOPPED;
            case FAILED -> ClientHealth.Status.FAILED;
        };
        // a share consumer has no partition assignment of its own: the broker hands out records
        return new ClientHealth(
                names.clientId(),
                status,
                current.name(),
                Optional.ofNullable(lastContact),
                Optional.ofNullable(failure.get()),
                Set.of(),
                Instant.now());
    }

    @Override
    public ConsumerState state() {
        return state.get();
    }

    @Override
    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public ShareStats stats() {
        return counters.snapshot();
    }

    @Override
    public String clientId() {
        return names.clientId();
    }

    private void run() {
        DeadLetterPublisher ownedPublisher = null;
        ExecutorService workers = WorkerExecutors.create(settings.concurrency(), names.clientId(), true);
        try {
            if (spec.clientFactory() == null) {
                ClusterFeatureCheck.requireShareGroups(properties, names.clientId());
            }
            applyGroupConfigs();
            lastContact = Instant.now();
            DeadLetterPublisher publisher = spec.deadLetters();
            if (publisher == null && settings.onExhausted() == ShareExhaustedAction.DEAD_LETTER) {
                Map<String, Object> connection = new HashMap<>(settings.toProperties());
                connection.put(ConsumerConfig.CLIENT_ID_CONFIG, names.clientId() + "-dlt");
                ownedPublisher = DeadLetterPublisher.kafka(connection);
                publisher = ownedPublisher;
            }
            try (ShareConsumer<byte[], byte[]> consumer = createClient()) {
                consumer.subscribe(spec.topics());
                state.set(ConsumerState.RUNNING);
                loop(consumer, workers, publisher);
            }
            state.set(ConsumerState.STOPPED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.set(ConsumerState.STOPPED);
        } catch (RuntimeException | Error e) {
            LOG.error("{}: share consumer failed", names.clientId(), e);
            failure.set(e);
            state.set(ConsumerState.FAILED);
        } finally {
            workers.shutdown();
            if (ownedPublisher != null) {
                ownedPublisher.close();
            }
        }
    }

    private void loop(ShareConsumer<byte[], byte[]> consumer, ExecutorService workers, DeadLetterPublisher publisher)
            throws InterruptedException {
        ShareRound.Context<K, V> context = new ShareRound.Context<>(
                consumer,
                new RecordDecoder<>(
                        spec.keySerde().deserializer(), spec.valueSerde().deserializer()),
                spec.handler(),
                workers,
                settings.concurrency(),
                settings.maxDeliveryAttempts(),
                settings.onExhausted(),
                spec.retryOn(),
                publisher,
                counters,
                names.clientId());
        while (running) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(spec.pollTimeout());
            if (!records.isEmpty()) {
                lastContact = Instant.now();
                new ShareRound<>(context, records).run();
            }
        }
        // the acknowledgements of the last round go out with close()
    }

    private ShareConsumer<byte[], byte[]> createClient() {
        return spec.clientFactory() != null
                ? spec.clientFactory().apply(new HashMap<>(properties))
                : new KafkaShareConsumer<>(new HashMap<>(properties));
    }

    /** Sets the share group configs the settings ask for, within a bounded wait. */
    private void applyGroupConfigs() {
        Map<String, String> configs = settings.groupConfigs();
        if (configs.isEmpty()) {
            return;
        }
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, settings.groupId());
        List<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        Map<ConfigResource, Collection<AlterConfigOp>> request = Map.of(group, ops);
        try (Admin admin =
                Admin.create(AdminSettings.defaults(settings.cluster()).toProperties())) {
            admin.incrementalAlterConfigs(request).all().get(GROUP_CONFIG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting share group configs", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not set the share group configs " + configs + " of group '" + settings.groupId()
                            + "' within " + GROUP_CONFIG_TIMEOUT.toSeconds() + "s: " + e,
                    e);
        }
    }
}
