package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.admin.ClusterOperations;
import dev.kafkasdk.admin.GroupOperations;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.ShareGroupOperations;
import dev.kafkasdk.admin.TopicOperations;
import dev.kafkasdk.core.metrics.SdkMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SdkAdmin} implementation: one admin client shared by the three operation groups. */
public final class DefaultSdkAdmin implements SdkAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSdkAdmin.class);

    private final Admin admin;
    private final boolean owned;
    private final String clientId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SdkMetrics.Binding clientMetrics;
    private final TopicOperations topics;
    private final GroupOperations groups;
    private final ShareGroupOperations shareGroups;
    private final ClusterOperations cluster;
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
        return clean;
    }

    @Override
    public String toString() {
        return "SdkAdmin{clientId=" + clientId + ", closed=" + closed.get() + "}";
    }
}
