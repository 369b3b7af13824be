package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.PropertyTable;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.oauthbearer.ClientCredentialsJwtRetriever;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;

/**
 * Renders the shared cluster settings (bootstrap servers and security) as kafka-clients
 * properties. Not part of the API.
 */
final class ClusterRenderer {

    private static final String SEC = ClusterKeys.SECURITY.path();

    private ClusterRenderer() {}

    /**
     * Puts the cluster's properties into a client's table.
     *
     * @param cluster the settings
     * @param table   the client's table
     */
    public static void render(ClusterSettings cluster, PropertyTable table) {
        put(table, cluster, ClusterKeys.BOOTSTRAP_SERVERS);
        SecuritySettings security = cluster.security();
        put(table, security, ClusterKeys.PROTOCOL);
        security.sasl().filter(s -> s.mechanism().isPresent()).ifPresent(s -> renderSasl(s, table));
        security.truststore()
                .ifPresent(s -> renderStore(
                        s,
                        table,
                        "truststore",
                        SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                        SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
                        SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG));
        security.keystore().ifPresent(s -> {
            renderStore(
                    s,
                    table,
                    "keystore",
                    SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
                    SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG,
                    SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
            put(table, s, ClusterKeys.STORE_KEY_PASSWORD, SslConfigs.SSL_KEY_PASSWORD_CONFIG, SEC + ".keystore");
        });
    }

    private static void renderSasl(SaslSettings sasl, PropertyTable table) {
        SaslMechanism mechanism = sasl.mechanism().orElseThrow();
        String path = ClusterKeys.SASL.path();
        put(table, sasl, ClusterKeys.SASL_MECHANISM);
        Origin mo = origin(sasl, ClusterKeys.SASL_MECHANISM);
        if (mechanism == SaslMechanism.OAUTHBEARER) {
            table.put(SaslConfigs.SASL_JAAS_CONFIG, OAuthBearerLoginModule.class.getName() + " required;", mo, path);
            table.put(
                    SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                    OAuthBearerLoginCallbackHandler.class.getName(),
                    mo,
                    path);
            table.put(
                    SaslConfigs.SASL_OAUTHBEARER_JWT_RETRIEVER_CLASS,
                    ClientCredentialsJwtRetriever.class.getName(),
                    mo,
                    path);
            put(table, sasl, ClusterKeys.SASL_TOKEN_ENDPOINT_URL);
            put(table, sasl, ClusterKeys.SASL_CLIENT_ID);
            put(table, sasl, ClusterKeys.SASL_CLIENT_SECRET);
            put(table, sasl, ClusterKeys.SASL_SCOPE);
            return;
        }
        String module =
                mechanism == SaslMechanism.PLAIN ? PlainLoginModule.class.getName() : ScramLoginModule.class.getName();
        String jaas =
                module + " required username=\"" + jaasEscape(sasl.username().orElse("")) + "\" password=\""
                        + jaasEscape(sasl.password().map(Secret::reveal).orElse("")) + "\";";
        Origin latest = later(origin(sasl, ClusterKeys.SASL_USERNAME), origin(sasl, ClusterKeys.SASL_PASSWORD));
        table.put(SaslConfigs.SASL_JAAS_CONFIG, jaas, latest, path);
    }

    private static void renderStore(
            StoreSettings store,
            PropertyTable table,
            String name,
            String locationKey,
            String passwordKey,
            String typeKey) {
        String path = SEC + "." + name;
        put(table, store, ClusterKeys.STORE_LOCATION, locationKey, path);
        put(table, store, ClusterKeys.STORE_PASSWORD, passwordKey, path);
        put(table, store, ClusterKeys.STORE_TYPE, typeKey, path);
    }

    /** Puts an explicitly set value under the key's own kafka-clients key. */
    private static void put(PropertyTable table, TypedSettings settings, SettingKey<?> key) {
        put(table, settings, key, key.kafkaKey().orElseThrow(), key.section());
    }

    /** Puts an explicitly set value, rendered by its key (secrets revealed), with its origin and path. */
    private static void put(
            PropertyTable table, TypedSettings settings, SettingKey<?> key, String kafkaKey, String section) {
        settings.explicit(key)
                .ifPresent(value ->
                        table.put(kafkaKey, key.render(value), origin(settings, key), section + "." + key.name()));
    }

    /**
     * Escapes a value for a double-quoted JAAS option.
     *
     * @param value the raw value
     * @return the value with {@code \} and {@code "} escaped
     */
    static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Origin later(Origin a, Origin b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Origin origin(TypedSettings settings, SettingKey<?> key) {
        return settings.v.origins.getOrDefault(key.name(), Origin.CODE);
    }
}
