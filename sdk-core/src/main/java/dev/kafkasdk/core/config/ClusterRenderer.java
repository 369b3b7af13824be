package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.PropertyTable;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.oauthbearer.ClientCredentialsJwtRetriever;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;

import java.util.Map;
import java.util.Optional;

/**
 * Renders the shared cluster settings (bootstrap servers and security) as kafka-clients
 * properties. Not part of the API.
 */
final class ClusterRenderer {

    private static final String SEC = "cluster.security";

    private ClusterRenderer() {
    }

    /**
     * Puts the cluster's properties into a client's table.
     *
     * @param cluster the settings
     * @param table   the client's table
     */
    public static void render(ClusterSettings cluster, PropertyTable table) {
        table.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", cluster.bootstrapServers()),
                origin(cluster.origins(), "bootstrap-servers"), "cluster.bootstrap-servers");
        SecuritySettings security = cluster.security();
        security.protocol().ifPresent(p -> table.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, p.name(),
                origin(security.origins(), "protocol"), SEC + ".protocol"));
        security.sasl().filter(s -> s.mechanism().isPresent()).ifPresent(s -> renderSasl(s, table));
        security.truststore().ifPresent(s -> renderStore(s, table, "truststore",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG));
        security.keystore().ifPresent(s -> {
            renderStore(s, table, "keystore", SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
                    SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
            s.keyPassword().ifPresent(p -> table.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, p.reveal(),
                    origin(s.origins(), "key-password"), SEC + ".keystore.key-password"));
        });
    }

    private static void renderSasl(SaslSettings sasl, PropertyTable table) {
        SaslMechanism mechanism = sasl.mechanism().orElseThrow();
        Map<String, Origin> o = sasl.origins();
        String path = SEC + ".sasl";
        table.put(SaslConfigs.SASL_MECHANISM, mechanism.kafkaValue(), origin(o, "mechanism"), path + ".mechanism");
        if (mechanism == SaslMechanism.OAUTHBEARER) {
            Origin mo = origin(o, "mechanism");
            table.put(SaslConfigs.SASL_JAAS_CONFIG, OAuthBearerLoginModule.class.getName() + " required;", mo, path);
            table.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, OAuthBearerLoginCallbackHandler.class.getName(),
                    mo, path);
            table.put(SaslConfigs.SASL_OAUTHBEARER_JWT_RETRIEVER_CLASS, ClientCredentialsJwtRetriever.class.getName(),
                    mo, path);
            sasl.tokenEndpointUrl().ifPresent(u -> table.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, u,
                    origin(o, "token-endpoint-url"), path + ".token-endpoint-url"));
            sasl.clientId().ifPresent(c -> table.put(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID, c,
                    origin(o, "client-id"), path + ".client-id"));
            sasl.clientSecret().ifPresent(c -> table.put(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET,
                    c.reveal(), origin(o, "client-secret"), path + ".client-secret"));
            sasl.scope().ifPresent(c -> table.put(SaslConfigs.SASL_OAUTHBEARER_SCOPE, c, origin(o, "scope"),
                    path + ".scope"));
            return;
        }
        String module = mechanism == SaslMechanism.PLAIN ? PlainLoginModule.class.getName()
                : ScramLoginModule.class.getName();
        String jaas = module + " required username=\"" + jaasEscape(sasl.username().orElse(""))
                + "\" password=\"" + jaasEscape(sasl.password().map(Secret::reveal).orElse("")) + "\";";
        Origin latest = later(origin(o, "username"), origin(o, "password"));
        table.put(SaslConfigs.SASL_JAAS_CONFIG, jaas, latest, path);
    }

    private static void renderStore(StoreSettings store, PropertyTable table, String name, String locationKey,
                                    String passwordKey, String typeKey) {
        String path = SEC + "." + name;
        Map<String, Origin> o = store.origins();
        store.location().ifPresent(l -> table.put(locationKey, l, origin(o, "location"), path + ".location"));
        store.password().ifPresent(p -> table.put(passwordKey, p.reveal(), origin(o, "password"), path + ".password"));
        store.type().ifPresent(t -> table.put(typeKey, t, origin(o, "type"), path + ".type"));
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

    static Origin origin(Map<String, Origin> origins, String key) {
        return Optional.ofNullable(origins.get(key)).orElse(Origin.CODE);
    }
}
