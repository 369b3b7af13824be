package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.DefaultSdkAdmin;
import dev.kafkasdk.core.config.AdminSettings;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;

/**
 * The SDK's admin entry point: topics as code, consumer groups and cluster health over one Kafka
 * {@link Admin} client.
 *
 * <pre>{@code
 * try (SdkAdmin admin = SdkAdmin.create(config.admin())) {
 *     TopicPlan plan = admin.topics().plan(config.topics().values());
 *     HealthReport health = admin.cluster().health();
 * }
 * }</pre>
 *
 * <p>Every operation blocks the calling thread until the cluster answers; each admin call has the
 * timeout of {@link AdminOptions#callTimeout()} and is retried on retriable Kafka errors only. Instances
 * are thread-safe. Partition sizing and config lint also work offline: see {@link PartitionSizing} and
 * {@link ConfigLinter}.
 */
public interface SdkAdmin extends AutoCloseable {

    /**
     * Creates an admin client from settings, with {@link AdminOptions#defaults()}. The returned instance
     * owns the client and closes it in {@link #close()}.
     *
     * @param settings the admin client's settings
     * @return a new instance
     */
    static SdkAdmin create(AdminSettings settings) {
        return create(settings, AdminOptions.defaults());
    }

    /**
     * Creates an admin client from settings. The returned instance owns the client and closes it in
     * {@link #close()}.
     *
     * @param settings the admin client's settings, rendered with {@link AdminSettings#toProperties()}
     * @param options call timeout and retry settings
     * @return a new instance
     */
    static SdkAdmin create(AdminSettings settings, AdminOptions options) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        return new DefaultSdkAdmin(Admin.create(settings.toProperties()), options, true);
    }

    /**
     * Uses an admin client the caller owns. {@link #close()} does not close it.
     *
     * @param admin the client
     * @param options call timeout and retry settings
     * @return a new instance
     */
    static SdkAdmin wrap(Admin admin, AdminOptions options) {
        return new DefaultSdkAdmin(Objects.requireNonNull(admin, "admin"), Objects.requireNonNull(options, "options"),
                false);
    }

    /** @return topic planning and apply */
    TopicOperations topics();

    /** @return consumer group listing, lag and offset resets */
    GroupOperations groups();

    /** @return health, partition load and live settings for lint */
    ClusterOperations cluster();

    /** Closes the admin client if this instance created it; idempotent. */
    @Override
    void close();
}
