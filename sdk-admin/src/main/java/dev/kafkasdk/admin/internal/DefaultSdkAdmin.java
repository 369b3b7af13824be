package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.admin.ClusterOperations;
import dev.kafkasdk.admin.GroupOperations;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.TopicOperations;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;

/** The {@link SdkAdmin} implementation: one admin client shared by the three operation groups. */
public final class DefaultSdkAdmin implements SdkAdmin {

    private final Admin admin;
    private final boolean owned;
    private final AdminOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TopicOperations topics;
    private final GroupOperations groups;
    private final ClusterOperations cluster;

    /**
     * @param admin the client
     * @param options timeouts and retries
     * @param owned whether {@link #close()} closes the client
     */
    public DefaultSdkAdmin(Admin admin, AdminOptions options, boolean owned) {
        this.admin = admin;
        this.owned = owned;
        this.options = options;
        AdminCalls calls = new AdminCalls("sdk-admin", options);
        this.topics = new DefaultTopicOperations(admin, calls);
        this.groups = new DefaultGroupOperations(admin, calls);
        this.cluster = new DefaultClusterOperations(admin, calls);
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
    public ClusterOperations cluster() {
        return cluster;
    }

    @Override
    public void close() {
        if (owned && closed.compareAndSet(false, true)) {
            admin.close(options.callTimeout().plus(Duration.ofSeconds(1)));
        }
    }
}
