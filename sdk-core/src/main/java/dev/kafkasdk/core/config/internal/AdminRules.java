package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.Durations;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Renders and checks {@link AdminSettings}. Not part of the API.
 */
public final class AdminRules {

    /** The kafka-clients keys the admin settings model. */
    public static final List<String> TYPED_KEYS = List.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, AdminClientConfig.CLIENT_ID_CONFIG);

    private static final KafkaKeys.Client CLIENT = KafkaKeys.Client.ADMIN;

    private AdminRules() {
    }

    /**
     * Renders the settings.
     *
     * @param s the settings
     * @return the property table
     */
    public static PropertyTable render(AdminSettings s) {
        ClientRendering r = new ClientRendering(CLIENT, s.name(), s.cluster(), s.origins());
        r.clientId(s.name(), s.origins().containsKey("client-id") ? s.clientId() : Optional.empty(), s.cluster());
        r.typed("request-timeout", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, s.requestTimeout().orElse(null));
        r.typed("default-api-timeout", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                s.defaultApiTimeout().orElse(null));
        r.raw(s.properties(), "properties");
        return r.table();
    }

    /**
     * Checks the settings.
     *
     * @param s the settings
     * @throws ConfigException listing every problem
     */
    public static void check(AdminSettings s) {
        Problems p = new Problems();
        String prefix = "admins." + s.name() + ".";
        Checks.duration(p, prefix + "request-timeout", s.requestTimeout(), false, true);
        Checks.duration(p, prefix + "default-api-timeout", s.defaultApiTimeout(), false, true);
        Checks.notBlank(p, prefix + "client-id", s.clientId());
        PropertyTable table = render(s);
        Checks.raw(p, CLIENT, prefix, s.properties(), table);
        long request = s.requestTimeout().map(Duration::toMillis)
                .orElse(CLIENT.defaultLong(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG));
        long api = s.defaultApiTimeout().map(Duration::toMillis)
                .orElse(CLIENT.defaultLong(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
        if (api < request) {
            String path = prefix + (s.defaultApiTimeout().isPresent() ? "default-api-timeout" : "request-timeout");
            p.invalid(path, Durations.format(Duration.ofMillis(s.defaultApiTimeout().isPresent() ? api : request)),
                    "breaks the rule default-api-timeout >= request-timeout: default-api-timeout is "
                            + Durations.format(Duration.ofMillis(api)) + " and request-timeout "
                            + Durations.format(Duration.ofMillis(request)));
        }
        p.throwIfAny();
    }
}
