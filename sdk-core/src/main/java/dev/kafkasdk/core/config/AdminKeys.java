package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The key table of {@link AdminSettings}: every admin client setting, declared once, and the
 * one cross-field rule below it.
 */
public final class AdminKeys {

    static final KeyTable<KeyTable.NoPreset> TABLE =
            new KeyTable<>("admins.<name>", "admin", KafkaKeys.Client.ADMIN, null, "properties");

    /** {@code request.timeout.ms}. */
    public static final SettingKey<Duration> REQUEST_TIMEOUT = TABLE.duration(
                    "request-timeout", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)
            .positive()
            .doc("How long to wait for a broker's answer to one request.");
    /** {@code default.api.timeout.ms}. */
    public static final SettingKey<Duration> DEFAULT_API_TIMEOUT = TABLE.duration(
                    "default-api-timeout", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)
            .positive()
            .doc("Time limit of an admin call without its own timeout; at least request-timeout.");
    /** {@code client.id}. */
    public static final SettingKey<String> CLIENT_ID = TABLE.string("client-id", AdminClientConfig.CLIENT_ID_CONFIG)
            .notBlank()
            .computedDefault(ClientSettings::defaultClientId, "<client-id-prefix>-<name>")
            .doc("The client id brokers log and quote.");

    private AdminKeys() {}

    /** default-api-timeout >= request-timeout. */
    static void crossField(AdminSettings s, String prefix, Problems p) {
        Duration request = s.effective(REQUEST_TIMEOUT).orElseThrow();
        Duration api = s.effective(DEFAULT_API_TIMEOUT).orElseThrow();
        if (api.compareTo(request) < 0) {
            boolean apiSet = s.defaultApiTimeout().isPresent();
            p.invalid(
                    prefix + (apiSet ? "default-api-timeout" : "request-timeout"),
                    Durations.format(apiSet ? api : request),
                    "breaks the rule default-api-timeout >= "
                            + "request-timeout: default-api-timeout is " + Durations.format(api)
                            + " and request-timeout " + Durations.format(request));
        }
    }
}
