package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.DefaultSdkAdmin;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.health.HealthListener;
import dev.kafkasdk.core.internal.AuthenticationHints;
import dev.kafkasdk.core.internal.ClientNames;
import dev.kafkasdk.core.internal.HealthEvents;
import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Builds an {@link SdkAdmin}. Obtain one from {@link SdkAdmin#builder(AdminSettings)}; every option is
 * optional. Not thread-safe; each {@link #build()} creates a new admin client with a client id of its
 * own (see {@link dev.kafkasdk.core.SdkClient}).
 *
 * <pre>{@code
 * SdkAdmin admin = SdkAdmin.builder(config.admin())
 *     .options(AdminOptions.builder().callTimeout(Duration.ofSeconds(10)).build())
 *     .metrics(registry, Tags.of("app", "billing"))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class SdkAdminBuilder {

    private final AdminSettings settings;
    private AdminOptions options = AdminOptions.defaults();
    private SdkMetrics metrics = SdkMetrics.noop();
    private Function<Map<String, Object>, Admin> clientFactory = Admin::create;
    private final List<HealthListener> healthListeners = new ArrayList<>();

    SdkAdminBuilder(AdminSettings settings) {
        this.settings = settings;
    }

    /**
     * Call timeout and retries; default {@link AdminOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public SdkAdminBuilder options(AdminOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Times every admin call ({@code kafka.sdk.admin.call}, tagged {@code operation}, {@code outcome},
     * {@code exception} and {@code client.id}) and publishes kafka-clients' own admin metrics through
     * Micrometer's {@code KafkaClientMetrics} (unbound on close), each with the given tags. The registry
     * stays the caller's and is never closed. Without metrics nothing is measured. The same method
     * exists on every SDK client builder.
     *
     * @param registry the caller's registry
     * @param tags tags for every meter of this admin; {@code Tags.empty()} for none
     * @return this builder
     */
    public SdkAdminBuilder metrics(MeterRegistry registry, Iterable<Tag> tags) {
        this.metrics = SdkMetrics.of(
                Objects.requireNonNull(registry, "registry"), Tags.of(Objects.requireNonNull(tags, "tags")));
        return this;
    }

    /**
     * Replaces how the kafka-clients admin is created, for tests. The function receives the exact
     * properties; the admin it returns is owned, and closed, by the SDK admin.
     *
     * @param factory creates the kafka-clients admin from properties
     * @return this builder
     */
    public SdkAdminBuilder clientFactory(Function<Map<String, Object>, Admin> factory) {
        this.clientFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Adds a listener for the admin's {@link dev.kafkasdk.core.health.HealthEvent}s: {@code STARTED}
     * when built and {@code STOPPED} when closed. Listeners run on the admin's own health thread; an
     * exception from one is logged and ignored (see {@link HealthListener}).
     *
     * @param listener the listener
     * @return this builder
     */
    public SdkAdminBuilder healthListener(HealthListener listener) {
        healthListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Creates the admin client.
     *
     * @return a new instance, usable at once; close it when done
     * @throws KafkaSdkException if kafka-clients rejects the configuration
     */
    public SdkAdmin build() {
        Map<String, Object> properties = new HashMap<>(settings.toProperties());
        ClientNames.Name names = ClientNames.next(
                "admin",
                settings.name(),
                settings.clientId(),
                settings.cluster().clientIdPrefix());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, names.clientId());
        Admin admin;
        try {
            admin = clientFactory.apply(properties);
        } catch (KafkaException e) {
            Optional<String> login =
                    AuthenticationHints.loginFailure(e, settings.cluster().security());
            KafkaSdkException.Builder failure = KafkaSdkException.builder("Could not create the Kafka admin client '"
                            + settings.name() + "': " + e.getMessage() + login.orElse(""))
                    .clientId(names.clientId())
                    .cause(e);
            throw login.isPresent() ? failure.fatal() : failure.build();
        }
        return new DefaultSdkAdmin(
                        admin,
                        options,
                        true,
                        names.clientId(),
                        metrics,
                        String.join(",", settings.cluster().bootstrapServers()),
                        HealthEvents.create(names.clientId(), healthListeners, names.thread("health")))
                .lookUpClientInstanceId(settings.cluster(), metrics, names.thread("instance-id"));
    }
}
