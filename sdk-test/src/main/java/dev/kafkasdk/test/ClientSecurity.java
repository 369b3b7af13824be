package dev.kafkasdk.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ready client settings for one user on one secured listener of a test cluster, in two shapes:
 * raw kafka-clients {@linkplain #properties() properties}, and the {@code cluster} section of the
 * SDK's config file ({@link #sdkClusterYaml()}) so that tests run the SDK's own security rendering
 * end to end. The {@code with...} methods derive broken variants for negative tests.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks every secret.
 */
public final class ClientSecurity {

    private static final String MASK = "******";

    private final SecuredListener listener;
    private final Sasl mechanism;
    private final String user;
    private final String bootstrapServers;
    private final String password;
    private final Path truststore;
    private final Path keystore;
    private final String storePassword;
    private final String tokenEndpointUrl;

    /**
     * Creates the settings for a mechanism other than OAUTHBEARER; the kit calls this, tests use
     * {@link ClusterSecurity#client}.
     *
     * @param listener         the listener
     * @param mechanism        the SASL mechanism, {@code null} on TLS-only listeners
     * @param user             the user name
     * @param bootstrapServers the listener's addresses
     * @param password         the SASL password, {@code null} on TLS-only listeners
     * @param truststore       the trust store, {@code null} on {@link SecuredListener#SASL_PLAINTEXT}
     * @param keystore         the client key store, {@code null} unless the client presents a certificate
     * @param storePassword    the password of both stores and of the key
     */
    public ClientSecurity(
            SecuredListener listener,
            Sasl mechanism,
            String user,
            String bootstrapServers,
            String password,
            Path truststore,
            Path keystore,
            String storePassword) {
        this(listener, mechanism, user, bootstrapServers, password, truststore, keystore, storePassword, null);
    }

    /**
     * Creates the settings; the kit calls this, tests use {@link ClusterSecurity#client}.
     *
     * @param listener         the listener
     * @param mechanism        the SASL mechanism, {@code null} on TLS-only listeners
     * @param user             the user name (the OAuth client id for OAUTHBEARER)
     * @param bootstrapServers the listener's addresses
     * @param password         the SASL password (the OAuth client secret), {@code null} on TLS-only listeners
     * @param truststore       the trust store, {@code null} on {@link SecuredListener#SASL_PLAINTEXT}
     * @param keystore         the client key store, {@code null} unless the client presents a certificate
     * @param storePassword    the password of both stores and of the key
     * @param tokenEndpointUrl the identity provider's token endpoint, {@code null} unless OAUTHBEARER
     */
    public ClientSecurity(
            SecuredListener listener,
            Sasl mechanism,
            String user,
            String bootstrapServers,
            String password,
            Path truststore,
            Path keystore,
            String storePassword,
            String tokenEndpointUrl) {
        this.tokenEndpointUrl = tokenEndpointUrl;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.mechanism = mechanism;
        this.user = Objects.requireNonNull(user, "user");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.password = password;
        this.truststore = truststore;
        this.keystore = keystore;
        this.storePassword = storePassword;
    }

    /**
     * The listener these settings connect to.
     *
     * @return the listener
     */
    public SecuredListener listener() {
        return listener;
    }

    /**
     * The SASL mechanism.
     *
     * @return the mechanism, empty on TLS-only listeners
     */
    public Optional<Sasl> mechanism() {
        return Optional.ofNullable(mechanism);
    }

    /**
     * The user name (on {@link SecuredListener#SSL} the broker sees {@code ANONYMOUS} regardless).
     *
     * @return the user
     */
    public String user() {
        return user;
    }

    /**
     * The listener's {@code bootstrap.servers}.
     *
     * @return the comma-separated addresses
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The SASL password.
     *
     * @return the password, empty on TLS-only listeners
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The trust store file (PKCS12).
     *
     * @return the file, empty on {@link SecuredListener#SASL_PLAINTEXT}
     */
    public Optional<Path> truststore() {
        return Optional.ofNullable(truststore);
    }

    /**
     * The client key store file (PKCS12) with the user's certificate.
     *
     * @return the file, empty unless the client presents a certificate
     */
    public Optional<Path> keystore() {
        return Optional.ofNullable(keystore);
    }

    /**
     * Every secret these settings carry (SASL password, store passwords), for tests that assert no
     * secret reaches a log or a message.
     *
     * @return the secrets, possibly empty
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        if (truststore != null || keystore != null) {
            secrets.add(storePassword);
        }
        return secrets;
    }

    /**
     * The same settings with another SASL password, for "wrong password" tests.
     *
     * @param otherPassword the password to send
     * @return new settings
     * @throws IllegalStateException on a TLS-only listener
     */
    public ClientSecurity withPassword(String otherPassword) {
        if (mechanism == null) {
            throw new IllegalStateException(listener + " does not use SASL; there is no password to replace");
        }
        return new ClientSecurity(
                listener,
                mechanism,
                user,
                bootstrapServers,
                otherPassword,
                truststore,
                keystore,
                storePassword,
                tokenEndpointUrl);
    }

    /**
     * The same settings with another user name and password (e.g. an unknown user).
     *
     * @param otherUser     the user name to send
     * @param otherPassword the password to send
     * @return new settings
     * @throws IllegalStateException on a TLS-only listener
     */
    public ClientSecurity withCredentials(String otherUser, String otherPassword) {
        if (mechanism == null) {
            throw new IllegalStateException(listener + " does not use SASL; there are no credentials to replace");
        }
        return new ClientSecurity(
                listener,
                mechanism,
                otherUser,
                bootstrapServers,
                otherPassword,
                truststore,
                keystore,
                storePassword,
                tokenEndpointUrl);
    }

    /**
     * The same settings trusting another CA, for "untrusted server certificate" tests (see
     * {@link ClusterSecurity#untrustedTruststore()}); the store's password must be the same.
     *
     * @param otherTruststore a PKCS12 trust store
     * @return new settings
     * @throws IllegalStateException on {@link SecuredListener#SASL_PLAINTEXT}
     */
    public ClientSecurity withTruststore(Path otherTruststore) {
        if (!listener.usesTls()) {
            throw new IllegalStateException(listener + " does not use TLS; there is no trust store to replace");
        }
        return new ClientSecurity(
                listener,
                mechanism,
                user,
                bootstrapServers,
                password,
                otherTruststore,
                keystore,
                storePassword,
                tokenEndpointUrl);
    }

    /**
     * The same settings without a client certificate, for "mutual TLS without a certificate" tests.
     *
     * @return new settings
     */
    public ClientSecurity withoutKeystore() {
        return new ClientSecurity(
                listener,
                mechanism,
                user,
                bootstrapServers,
                password,
                truststore,
                null,
                storePassword,
                tokenEndpointUrl);
    }

    /**
     * kafka-clients properties: {@code bootstrap.servers}, {@code security.protocol}, the SASL
     * mechanism and JAAS line, and the PKCS12 stores. Add serializers, group id and the rest.
     *
     * @return a new mutable map owned by the caller
     */
    public Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", listener.securityProtocol());
        if (mechanism == Sasl.OAUTHBEARER) {
            props.put("sasl.mechanism", mechanism.mechanismName());
            props.put(
                    "sasl.jaas.config",
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
            props.put(
                    "sasl.login.callback.handler.class",
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
            props.put("sasl.oauthbearer.token.endpoint.url", tokenEndpointUrl);
            props.put("sasl.oauthbearer.client.credentials.client.id", user);
            props.put("sasl.oauthbearer.client.credentials.client.secret", password);
        } else if (mechanism != null) {
            props.put("sasl.mechanism", mechanism.mechanismName());
            String module = mechanism == Sasl.PLAIN
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + jaas(user) + "\" password=\"" + jaas(password) + "\";");
        }
        if (truststore != null) {
            props.put("ssl.truststore.location", truststore.toString());
            props.put("ssl.truststore.password", storePassword);
            props.put("ssl.truststore.type", "PKCS12");
        }
        if (keystore != null) {
            props.put("ssl.keystore.location", keystore.toString());
            props.put("ssl.keystore.password", storePassword);
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.key.password", storePassword);
        }
        return props;
    }

    /**
     * The {@code cluster} section of an SDK config document (YAML) for these settings, to load with
     * {@code KafkaSdkConfig.loader().yaml(...)} alone or followed by the test's own sections, e.g.
     *
     * <pre>
     * cluster:
     *   bootstrap-servers: "127.0.0.1:40123"
     *   security:
     *     protocol: SASL_SSL
     *     sasl:
     *       mechanism: SCRAM-SHA-256
     *       username: "alice"
     *       password: "..."
     *     truststore:
     *       location: "/tmp/kafka-sdk-test-.../security/truststore.p12"
     *       password: "..."
     *       type: PKCS12
     * </pre>
     *
     * @return the YAML text, ending with a newline
     */
    public String sdkClusterYaml() {
        StringBuilder y = new StringBuilder();
        y.append("cluster:\n");
        y.append("  bootstrap-servers: ").append(quote(bootstrapServers)).append('\n');
        y.append("  security:\n");
        y.append("    protocol: ").append(listener.securityProtocol()).append('\n');
        if (mechanism == Sasl.OAUTHBEARER) {
            y.append("    sasl:\n");
            y.append("      mechanism: OAUTHBEARER\n");
            y.append("      token-endpoint-url: ")
                    .append(quote(tokenEndpointUrl))
                    .append('\n');
            y.append("      client-id: ").append(quote(user)).append('\n');
            y.append("      client-secret: ").append(quote(password)).append('\n');
        } else if (mechanism != null) {
            y.append("    sasl:\n");
            y.append("      mechanism: ").append(mechanism.mechanismName()).append('\n');
            y.append("      username: ").append(quote(user)).append('\n');
            y.append("      password: ").append(quote(password)).append('\n');
        }
        if (truststore != null) {
            appendStore(y, "truststore", truststore, false);
        }
        if (keystore != null) {
            appendStore(y, "keystore", keystore, true);
        }
        return y.toString();
    }

    private void appendStore(StringBuilder y, String name, Path file, boolean withKey) {
        y.append("    ").append(name).append(":\n");
        y.append("      location: ").append(quote(file.toString())).append('\n');
        y.append("      password: ").append(quote(storePassword)).append('\n');
        if (withKey) {
            y.append("      key-password: ").append(quote(storePassword)).append('\n');
        }
        y.append("      type: PKCS12\n");
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String jaas(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "ClientSecurity{listener=" + listener + ", mechanism=" + mechanism + ", user=" + user
                + ", bootstrapServers=" + bootstrapServers + ", password=" + (password == null ? null : MASK)
                + ", truststore=" + truststore + ", keystore=" + keystore + '}';
    }
}
