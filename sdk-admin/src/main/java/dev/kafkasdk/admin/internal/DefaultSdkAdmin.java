package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.admin.ClusterOperations;
import dev.kafkasdk.admin.GroupOperations;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.ShareGroupOperations;
import dev.kafkasdk.admin.TopicOperations;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.HealthEvents;
import dev.kafkasdk.core.metrics.SdkMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SdkAdmin} implementation: one admin client shared by the three operation groups. */
public final class DefaultSdkAdmin implements SdkAdmin {

    private static final ClientInstanceId NOT_LOOKED_UP = ClientInstanceId.unavailable(
            "SdkAdmin.wrap: the SDK did not create this admin client and does not look up its KIP-714 client"
                    + " instance id; call clientInstanceId on the kafka-clients Admin itself");

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSdkAdmin.class);

    private final Admin admin;
    private final boolean owned;
    private final String clientId;
    private volatile @Nullable ClientInstanceIdLookup instanceId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SdkMetrics.Binding clientMetrics;
    private final TopicOperations topics;
    private final GroupOperations groups;
    private final ShareGroupOperations shareGroups;
    private final ClusterOperations cluster;
    private final AdminCalls calls;
    private final HealthEvents health;
    private volatile boolean closedInTime;

    /**
     * @param admin the client
     * @param options timeouts and retries
     * @param owned whether {@link #close(Duration)} closes the client
     * @param clientId the client's {@code client.id}, for meter tags
     * @param metrics where calls are timed; {@link SdkMetrics#noop()} for none
     */
    public DefaultSdkAdmin(Admin admin, AdminOptions options, boolean owned, String clientId, SdkMetrics metrics) {
        this(admin, options, owned, clientId, metrics, null);
    }

    /**
     * @param admin the client
     * @param options timeouts and retries
     * @param owned whether {@link #close(Duration)} closes the client
     * @param clientId the client's {@code client.id}, for meter tags
     * @param metrics where calls are timed; {@link SdkMetrics#noop()} for none
     * @param bootstrapServers the cluster's bootstrap servers, named when it does not answer; or {@code null}
     */
    public DefaultSdkAdmin(
            Admin admin,
            AdminOptions options,
            boolean owned,
            String clientId,
            SdkMetrics metrics,
            String bootstrapServers) {
        this(admin, options, owned, clientId, metrics, bootstrapServers, HealthEvents.none(clientId));
    }

    /**
     * @param admin the client
     * @param options timeouts and retries
     * @param owned whether {@link #close(Duration)} closes the client
     * @param clientId the client's {@code client.id}, for meter tags
     * @param metrics where calls are timed; {@link SdkMetrics#noop()} for none
     * @param bootstrapServers the cluster's bootstrap servers, named when it does not answer; or {@code null}
     * @param health the admin's health listeners; it is sent {@code STARTED} now and {@code STOPPED} on close
     */
    public DefaultSdkAdmin(
            Admin admin,
            AdminOptions options,
            boolean owned,
            String clientId,
            SdkMetrics metrics,
            String bootstrapServers,
            HealthEvents health) {
        this.health = health;
        this.admin = admin;
        this.owned = owned;
        this.clientId = clientId;
        this.clientMetrics =
                metrics.isEnabled() && admin instanceof AdminClient ? metrics.bindClientMetrics(admin) : null;
        AdminCalls calls = new AdminCalls(clientId, options, metrics, bootstrapServers);
        this.topics = new DefaultTopicOperations(admin, calls);
        this.groups = new DefaultGroupOperations(admin, calls);
        this.shareGroups = new DefaultShareGroupOperations(admin, calls);
        this.cluster = new DefaultClusterOperations(admin, calls);
        this.calls = calls;
        health.emit(HealthEvent.Type.STARTED);
    }

    /**
     * The {@code client.id} of a client the SDK did not create, read from its metrics' tags.
     *
     * @param admin the client
     * @return its client id, or {@code unknown}
     */
    public static String clientIdOf(Admin admin) {
        try {
            return admin.metrics().keySet().stream()
                    .map(name -> name.tags().get("client-id"))
                    .filter(id -> id != null && !id.isBlank())
                    .findFirst()
                    .orElse("unknown");
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public TopicOperations topics() {
        return topics;
    }

    @Override
    public GroupOperations groups() {
        return groups;
    }

    @Override
    public ShareGroupOperations shareGroups() {
        return shareGroups;
    }

    @Override
    public ClusterOperations cluster() {
        return cluster;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public boolean close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return closedInTime;
        }
        if (clientMetrics != null) {
            clientMetrics.close();
        }
        if (!owned) {
            closedInTime = true;
            health.emit(HealthEvent.Type.STOPPED);
            health.close(timeout);
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean clean = false;
        try {
            admin.close(timeout);
            clean = deadline - System.nanoTime() > 0;
        } catch (RuntimeException e) {
            LOG.warn("Closing admin client {} failed", clientId, e);
        }
        closedInTime = clean;
        health.emit(HealthEvent.Type.STOPPED);
        health.close(Duration.ofMillis(Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        return clean;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An admin is {@code READY} (state {@code OPEN}) until closed ({@code STOPPED}, state
     * {@code CLOSED}), and {@code NOT_READY} while its latest call got no answer from the cluster
     * (unreachable, timed out, authentication failed), with that call's failure as the cause. Its
     * last contact is the last call the cluster answered, successfully or with a refusal. Not to be
     * confused with {@code cluster().health()}, which asks the cluster about its brokers.
     */
    @Override
    public ClientHealth health() {
        Optional<KafkaSdkException> unanswered = calls.unanswered();
        ClientHealth.Status status = closed.get()
                ? ClientHealth.Status.STOPPED
                : unanswered.isPresent() ? ClientHealth.Status.NOT_READY : ClientHealth.Status.READY;
        return new ClientHealth(
                        clientId,
                        status,
                        closed.get() ? "CLOSED" : "OPEN",
                        calls.lastContact(),
                        unanswered.map(Throwable.class::cast),
                        Set.of(),
                        health.now())
                .withClientInstanceId(instanceId == null ? NOT_LOOKED_UP : instanceId.snapshot());
    }

    /**
     * Starts the KIP-714 client instance id lookup of an admin the SDK created; called once by the
     * builder.
     *
     * @param cluster the cluster settings: the lookup's timeout and whether to register the meter
     * @param metrics the admin's metrics
     * @param threadName the lookup thread's name
     * @return this admin
     */
    public DefaultSdkAdmin lookUpClientInstanceId(ClusterSettings cluster, SdkMetrics metrics, String threadName) {
        ClientInstanceIdLookup lookup = ClientInstanceIdLookup.create(clientId, cluster, metrics);
        lookup.lookUpInBackground(admin::clientInstanceId, threadName);
        this.instanceId = lookup;
        return this;
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        ClientInstanceIdLookup lookup = instanceId;
        if (lookup == null) {
            throw new ClientTelemetryUnavailableException(NOT_LOOKED_UP.reason().orElseThrow());
        }
        return lookup.await(timeout);
    }

    @Override
    public String toString() {
        return "SdkAdmin{clientId=" + clientId + ", closed=" + closed.get() + "}";
    }
}
