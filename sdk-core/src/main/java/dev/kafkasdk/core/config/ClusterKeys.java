package dev.kafkasdk.core.config;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The key tables of the {@code cluster} section and its nested {@code security},
 * {@code sasl} and store sections: every cluster setting, declared once. They drive the
 * document schema, binding, environment overrides, did-you-mean and the config reference;
 * the cross-field rules of security live in {@code SecurityRules} beside them.
 */
public final class ClusterKeys {

    static final KeyTable<KeyTable.NoPreset> TABLE = new KeyTable<>("cluster", "cluster", null, null, null);
    static final KeyTable<KeyTable.NoPreset> SECURITY =
            new KeyTable<>("cluster.security", "security", null, null, null);
    static final KeyTable<KeyTable.NoPreset> SASL = new KeyTable<>("cluster.security.sasl", "sasl", null, null, null);
    static final KeyTable<KeyTable.NoPreset> STORE =
            new KeyTable<>("cluster.security.<truststore|keystore>", "store", null, null, null);

    /** {@code bootstrap.servers}. */
    public static final SettingKey<List<String>> BOOTSTRAP_SERVERS = TABLE.list(
                    "bootstrap-servers", CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
            .doc("The brokers as host:port, a list or comma-separated.");
    /** The prefix of default client ids. */
    public static final SettingKey<String> CLIENT_ID_PREFIX = TABLE.string("client-id-prefix", null)
            .notBlank()
            .doc("A client named orders gets client id <prefix>-orders unless it sets its own.");
    /** The Kafka release the brokers run, for offline lint. */
    public static final SettingKey<String> BROKER_VERSION = TABLE.string("broker-version", null)
            .notBlank()
            .doc("Optional Kafka release of the brokers, e.g. 3.9: offline lint reports features it lacks.");

    /** KIP-714: register the client's instance id as a meter tag. */
    public static final SettingKey<Boolean> CLIENT_INSTANCE_ID_TAG = TABLE.bool("client-instance-id-tag", null)
            .defaultValue(false)
            .doc("KIP-714: once the broker assigns the client instance id, register meter kafka.sdk.client.instance"
                    + " tagged client.id and client.instance.id (needs a broker ClientTelemetry plugin).");
    /** KIP-714: how long the SDK waits for the client instance id. */
    public static final SettingKey<Duration> CLIENT_INSTANCE_ID_TIMEOUT = TABLE.duration(
                    "client-instance-id-timeout", null)
            .positive()
            .defaultValue(Duration.ofSeconds(10))
            .doc("KIP-714: how long a client waits for the broker to assign its client instance id before"
                    + " health reports it unavailable.");

    /** How long a client the cluster has answered works through authentication failures. */
    public static final SettingKey<Duration> AUTHENTICATION_RETRY_TIMEOUT = TABLE.duration(
                    "authentication-retry-timeout", null)
            .defaultValue(Duration.ofMinutes(2))
            .doc("A client the cluster has answered treats authentication failures as passing (a token refreshed"
                    + " late) this long, then as fatal; 0: fatal at once. Before any answer they are fatal.");

    /** {@code security.protocol}. */
    public static final SettingKey<SecurityProtocol> PROTOCOL = SECURITY.enumeration(
                    "protocol",
                    CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                    SecurityProtocol.class,
                    SecurityProtocol::parse,
                    SecurityProtocol::name)
            .doc("PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (kafka-clients: PLAINTEXT).");

    /** {@code sasl.mechanism}. */
    public static final SettingKey<SaslMechanism> SASL_MECHANISM = SASL.enumeration(
                    "mechanism",
                    SaslConfigs.SASL_MECHANISM,
                    SaslMechanism.class,
                    SaslMechanism::parse,
                    SaslMechanism::kafkaValue)
            .doc("PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER.");
    /** The PLAIN/SCRAM user. */
    public static final SettingKey<String> SASL_USERNAME = SASL.string("username", SaslConfigs.SASL_JAAS_CONFIG)
            .doc("PLAIN/SCRAM user, written into sasl.jaas.config.");
    /** The PLAIN/SCRAM password. */
    public static final SettingKey<Secret> SASL_PASSWORD = SASL.secret("password", SaslConfigs.SASL_JAAS_CONFIG)
            .doc("PLAIN/SCRAM password, written into sasl.jaas.config; masked when shown.");
    /** The OAuth token endpoint. */
    public static final SettingKey<String> SASL_TOKEN_ENDPOINT_URL = SASL.string(
                    "token-endpoint-url", SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL)
            .doc("OAUTHBEARER token endpoint; must be in org.apache.kafka.sasl.oauthbearer.allowed.urls.");
    /** The OAuth client id. */
    public static final SettingKey<String> SASL_CLIENT_ID = SASL.string(
                    "client-id", SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID)
            .doc("OAUTHBEARER client-credentials client id.");
    /** The OAuth client secret. */
    public static final SettingKey<Secret> SASL_CLIENT_SECRET = SASL.secret(
                    "client-secret", SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET)
            .doc("OAUTHBEARER client-credentials secret; masked when shown.");
    /** The OAuth scope. */
    public static final SettingKey<String> SASL_SCOPE =
            SASL.string("scope", SaslConfigs.SASL_OAUTHBEARER_SCOPE).doc("OAUTHBEARER scope, optional.");

    /** The store file. */
    public static final SettingKey<String> STORE_LOCATION =
            STORE.string("location", null).doc("The store file (ssl.truststore.location / ssl.keystore.location).");
    /** The store password. */
    public static final SettingKey<Secret> STORE_PASSWORD = STORE.secret("password", null)
            .doc("The store password (ssl.truststore.password / ssl.keystore.password); masked when shown.");
    /** The private key password (keystore only). */
    public static final SettingKey<Secret> STORE_KEY_PASSWORD = STORE.secret("key-password", null)
            .doc("Keystore only: the private key's password (ssl.key.password); masked when shown.");
    /** The store type. */
    public static final SettingKey<String> STORE_TYPE =
            STORE.string("type", null).doc("JKS, PKCS12 or PEM (ssl.truststore.type / ssl.keystore.type).");

    static {
        TABLE.child("security", SECURITY);
        SECURITY.child("sasl", SASL);
        SECURITY.child("truststore", STORE);
        SECURITY.child("keystore", STORE);
    }

    private ClusterKeys() {}
}
