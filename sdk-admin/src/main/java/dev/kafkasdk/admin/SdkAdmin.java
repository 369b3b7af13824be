package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.DefaultSdkAdmin;
import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.metrics.SdkMetrics;
import java.time.Duration;
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
 *
 * <p>Creation, names, metrics and closing follow the convention of every SDK client (see
 * {@link SdkClient}): {@link #create(AdminSettings)} for the common case, {@link #builder(AdminSettings)}
 * for options and metrics; usable as soon as it is created; client id
 * {@code kafka-sdk-admin-<name>-<n>} unless the settings give one. With metrics, every admin call is
 * timed by {@code kafka.sdk.admin.call} tagged {@code operation}, {@code outcome} ({@code success} or
 * {@code failure}), {@code exception} and {@code client.id}.
 *
 * @since 0.1
 */
public interface SdkAdmin extends SdkClient {

    /**
     * Creates an admin client from settings, with {@link AdminOptions#defaults()} and no metrics. The
     * returned instance owns the client and closes it in {@link #close(Duration)}.
     *
     * @param settings the admin client's settings
     * @return a new instance
     */
    static SdkAdmin create(AdminSettings settings) {
        return builder(settings).build();
    }

    /**
     * Creates an admin client from settings with call options and no metrics; same as
     * {@code builder(settings).options(options).build()}.
     *
     * @param settings the admin client's settings, rendered with {@link AdminSettings#toProperties()}
     * @param options call timeout and retry settings
     * @return a new instance
     */
    static SdkAdmin create(AdminSettings settings, AdminOptions options) {
        return builder(settings).options(options).build();
    }

    /**
     * Starts building an admin client with options or metrics.
     *
     * @param settings the admin client's settings
     * @return a new builder
     */
    static SdkAdminBuilder builder(AdminSettings settings) {
        return new SdkAdminBuilder(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Uses an admin client the caller owns. {@link #close(Duration)} does not close it. Calls are not
     * metered; use {@link #builder(AdminSettings)} for metrics.
     *
     * @param admin the client
     * @param options call timeout and retry settings
     * @return a new instance
     */
    static SdkAdmin wrap(Admin admin, AdminOptions options) {
        return new DefaultSdkAdmin(
                Objects.requireNonNull(admin, "admin"),
                Objects.requireNonNull(options, "options"),
                false,
                DefaultSdkAdmin.clientIdOf(admin),
                SdkMetrics.noop());
    }

    /** @return topic planning and apply */
    TopicOperations topics();

    /** @return consumer group listing, lag and offset resets */
    GroupOperations groups();

    /**
     * Share groups (KIP-932): listing, members and backlog.
     *
     * @return share group operations
     * @since 0.2
     */
    ShareGroupOperations shareGroups();

    /** @return health, partition load and live settings for lint */
    ClusterOperations cluster();

    /**
     * The admin client's {@code client.id}; see {@link SdkClient} for how it is chosen.
     *
     * @return the client id
     */
    @Override
    String clientId();

    /**
     * Closes the admin client if this instance created it, waiting up to the timeout for calls in
     * flight, and unbinds its client metrics. Idempotent. A wrapped client is left open.
     *
     * @param timeout the longest wait for calls in flight
     * @return {@code true} if the client closed within the timeout (always for a wrapped client)
     */
    @Override
    boolean close(Duration timeout);
}
