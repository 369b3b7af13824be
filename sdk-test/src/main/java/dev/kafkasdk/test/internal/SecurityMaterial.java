package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.ClusterSecurity;
import dev.kafkasdk.test.KafkaTestKitException;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import dev.kafkasdk.test.SecurityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Everything a secured test cluster generates at start-up, under {@code <cluster dir>/security}: the
 * CA, the broker's and every user's PKCS12 key store, the trust store, an untrusted trust store,
 * and random passwords. Renders the brokers' security settings and the storage tool's
 * {@code --add-scram} arguments. Thread-safe.
 */
final class SecurityMaterial implements AutoCloseable {

    /** The kafka-clients 4 system property listing the OAuth URLs clients and brokers may call. */
    static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private static final String IPV4 = "\\d{1,3}(\\.\\d{1,3}){3}";
    static final String PRINCIPAL_MAPPING_RULES = "RULE:^CN=([^,]+)$/$1/,DEFAULT";
    private static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String OAUTH_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule";
    private static final String OAUTH_VALIDATOR =
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final SecurityOptions options;
    private final Path dir;
    private final String storePassword;
    private final Map<String, String> passwords;
    private final Map<String, Path> clientKeystores;
    private final String brokerPassword = randomSecret();
    private volatile IdentityProvider identityProvider;

    private SecurityMaterial(
            SecurityOptions options,
            Path dir,
            String storePassword,
            Map<String, String> passwords,
            Map<String, Path> clientKeystores) {
        this.options = options;
        this.dir = dir;
        this.storePassword = storePassword;
        this.passwords = passwords;
        this.clientKeystores = clientKeystores;
    }

    /** Generates the CA, the certificates, the stores and the passwords into {@code clusterDir/security}. */
    static SecurityMaterial generate(SecurityOptions options, Path clusterDir) {
        Path dir = clusterDir.resolve("security");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not create " + dir, e);
        }
        String storePassword = randomSecret();
        char[] pw = storePassword.toCharArray();
        CertificateAuthority ca = CertificateAuthority.create("kafka-sdk-test-ca");
        CertificateAuthority.writeTrustStore(dir.resolve("truststore.p12"), ca.certificate(), pw);
        CertificateAuthority.writeTrustStore(
                dir.resolve("untrusted-truststore.p12"),
                CertificateAuthority.create("kafka-sdk-test-untrusted-ca").certificate(),
                pw);
        CertificateAuthority.writeKeyStore(
                dir.resolve("broker.p12"),
                "broker",
                ca.issue(
                        "kafka-broker",
                        options.certificateHosts().stream()
                                .filter(host -> !host.matches(IPV4))
                                .toList(),
                        options.certificateHosts().stream()
                                .filter(host -> host.matches(IPV4))
                                .toList()),
                pw);
        Map<String, String> passwords = new ConcurrentHashMap<>();
        Map<String, Path> keystores = new LinkedHashMap<>();
        for (String user : options.users()) {
            passwords.put(user, randomSecret());
            Path keystore = dir.resolve("client-" + user + ".p12");
            CertificateAuthority.writeKeyStore(keystore, user, ca.issue(user, List.of(), List.of()), pw);
            keystores.put(user, keystore);
        }
        SecurityMaterial material = new SecurityMaterial(options, dir, storePassword, passwords, Map.copyOf(keystores));
        if (options.oauth()) {
            material.identityProvider = IdentityProvider.start(passwords::get, options.tokenLifetime());
            allowUrls(material.identityProvider.tokenEndpointUrl(), material.identityProvider.jwksEndpointUrl());
        }
        return material;
    }

    /** Adds URLs to this JVM's OAuth allow-list, keeping what is there (other clusters, the user's own). */
    private static synchronized void allowUrls(String... urls) {
        String current = System.getProperty(ALLOWED_URLS_PROPERTY, "");
        StringBuilder value = new StringBuilder(current);
        for (String url : urls) {
            if (!List.of(current.split(",")).contains(url)) {
                value.append(value.length() == 0 ? "" : ",").append(url);
            }
        }
        System.setProperty(ALLOWED_URLS_PROPERTY, value.toString());
    }

    /** JVM options a child broker needs: the OAuth allow-list with the identity provider's JWKS URL. */
    List<String> jvmOptions() {
        IdentityProvider idp = identityProvider;
        return idp == null
                ? List.of()
                : List.of("-D" + ALLOWED_URLS_PROPERTY + "=" + idp.jwksEndpointUrl() + "," + idp.tokenEndpointUrl());
    }

    /** Tokens the identity provider has issued; 0 without OAUTHBEARER. */
    long issuedTokens() {
        IdentityProvider idp = identityProvider;
        return idp == null ? 0 : idp.issuedTokens();
    }

    /** Makes the identity provider issue faulty tokens to {@code user}. */
    void tokenFault(String user, ClusterSecurity.TokenFault fault) {
        IdentityProvider idp = identityProvider;
        if (idp == null) {
            throw new IllegalStateException("tokenFault needs an identity provider: set @KafkaSecurity(oauth = true)");
        }
        idp.fault(user, fault);
    }

    @Override
    public void close() {
        IdentityProvider idp = identityProvider;
        if (idp != null) {
            idp.close();
        }
    }

    static String randomSecret() {
        char[] chars = new char[24];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    SecurityOptions options() {
        return options;
    }

    String storePassword() {
        return storePassword;
    }

    Path truststore() {
        return dir.resolve("truststore.p12");
    }

    Path untrustedTruststore() {
        return dir.resolve("untrusted-truststore.p12");
    }

    /** The user's password; {@code null} if unknown. */
    String password(String user) {
        return passwords.get(user);
    }

    void rememberPassword(String user, String password) {
        passwords.put(user, password);
    }

    java.util.Set<String> users() {
        return java.util.Set.copyOf(passwords.keySet());
    }

    /** Adds the brokers' TLS, SASL and authorizer settings; the listeners themselves are set by {@link BrokerConfig}. */
    void applyTo(Properties p) {
        boolean tls = options.listeners().stream().anyMatch(SecuredListener::usesTls);
        if (tls) {
            p.setProperty("ssl.keystore.location", dir.resolve("broker.p12").toString());
            p.setProperty("ssl.keystore.password", storePassword);
            p.setProperty("ssl.key.password", storePassword);
            p.setProperty("ssl.keystore.type", "PKCS12");
            p.setProperty("ssl.truststore.location", truststore().toString());
            p.setProperty("ssl.truststore.password", storePassword);
            p.setProperty("ssl.truststore.type", "PKCS12");
        }
        p.setProperty("ssl.principal.mapping.rules", PRINCIPAL_MAPPING_RULES);
        if (options.listeners().contains(SecuredListener.MUTUAL_TLS)) {
            p.setProperty(listenerKey(SecuredListener.MUTUAL_TLS, "ssl.client.auth"), "required");
        }
        String mechanisms = Arrays.stream(Sasl.values())
                .filter(m -> m != Sasl.OAUTHBEARER || options.oauth())
                .map(Sasl::mechanismName)
                .collect(Collectors.joining(","));
        p.setProperty("sasl.enabled.mechanisms", mechanisms);
        for (SecuredListener listener : options.listeners()) {
            if (!listener.usesSasl()) {
                continue;
            }
            p.setProperty(listenerKey(listener, "sasl.enabled.mechanisms"), mechanisms);
            String login = brokersLogInTo(listener) ? brokerLogin() : "";
            p.setProperty(listenerKey(listener, "plain.sasl.jaas.config"), plainJaas(listener));
            p.setProperty(
                    listenerKey(listener, "scram-sha-256.sasl.jaas.config"), SCRAM_MODULE + " required" + login + ";");
            p.setProperty(
                    listenerKey(listener, "scram-sha-512.sasl.jaas.config"), SCRAM_MODULE + " required" + login + ";");
            if (options.oauth()) {
                p.setProperty(listenerKey(listener, "oauthbearer.sasl.jaas.config"), OAUTH_MODULE + " required;");
                p.setProperty(listenerKey(listener, "oauthbearer.sasl.server.callback.handler.class"), OAUTH_VALIDATOR);
            }
        }
        IdentityProvider idp = identityProvider;
        if (idp != null) {
            p.setProperty("sasl.oauthbearer.jwks.endpoint.url", idp.jwksEndpointUrl());
            p.setProperty("sasl.oauthbearer.expected.audience", IdentityProvider.AUDIENCE);
            p.setProperty("sasl.oauthbearer.expected.issuer", IdentityProvider.ISSUER);
        }
        if (options.authorizer()) {
            p.setProperty("authorizer.class.name", AUTHORIZER);
            p.setProperty("principal.builder.class", KitPrincipalBuilder.class.getName());
            p.setProperty(
                    "super.users",
                    "User:" + KitPrincipalBuilder.KIT_PRINCIPAL + ";User:" + options.superUser()
                            + (options.securesInternalTraffic() ? ";User:" + SecurityOptions.BROKER_USER : ""));
        }
        options.interBrokerListener().ifPresent(listener -> applyInternal(listener, p));
    }

    /**
     * The controller listener's security protocol when internal traffic is secured: SSL with required
     * client certificates beside a TLS-only inter-broker listener, else the SASL listener's protocol
     * with PLAIN (KRaft serves SCRAM credentials from the metadata log, so controllers cannot use them).
     */
    String controllerProtocol() {
        SecuredListener listener = options.interBrokerListener().orElseThrow();
        return listener.usesSasl() ? listener.securityProtocol() : "SSL";
    }

    /** Brokers authenticate as {@link SecurityOptions#BROKER_USER} on the inter-broker and controller listeners. */
    private void applyInternal(SecuredListener listener, Properties p) {
        if (listener == SecuredListener.SSL) {
            // brokers present their certificate (CN kafka-broker); anonymous clients still connect
            p.setProperty(listenerKey(listener, "ssl.client.auth"), "requested");
        }
        options.interBrokerMechanism()
                .ifPresent(
                        mechanism -> p.setProperty("sasl.mechanism.inter.broker.protocol", mechanism.mechanismName()));
        String controller =
                "listener.name." + BrokerConfig.SECURED_CONTROLLER_LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        if (listener.usesSasl()) {
            p.setProperty("sasl.mechanism.controller.protocol", Sasl.PLAIN.mechanismName());
            p.setProperty(controller + "sasl.enabled.mechanisms", Sasl.PLAIN.mechanismName());
            p.setProperty(
                    controller + "plain.sasl.jaas.config",
                    PLAIN_MODULE + " required" + brokerLogin() + " user_" + SecurityOptions.BROKER_USER + "=\""
                            + brokerPassword + "\";");
        } else {
            p.setProperty(controller + "ssl.client.auth", "required");
        }
    }

    /** The JAAS options with which a broker logs in to a SASL listener as a client. */
    private String brokerLogin() {
        return " username=\"" + SecurityOptions.BROKER_USER + "\" password=\"" + brokerPassword + "\"";
    }

    /** Whether {@code listener} is the SASL listener brokers log in to. */
    private boolean brokersLogInTo(SecuredListener listener) {
        return options.interBrokerListener().filter(l -> l == listener).isPresent() && listener.usesSasl();
    }

    /**
     * Client settings of the kit's own clients when internal traffic is secured: the super user on
     * the inter-broker listener (with its certificate on {@code SSL} and {@code MUTUAL_TLS}, with
     * the inter-broker mechanism on SASL); empty otherwise.
     */
    Map<String, Object> kitClientProperties(String bootstrapServers) {
        if (!options.securesInternalTraffic()) {
            return Map.of();
        }
        SecuredListener listener = options.interBrokerListener().orElseThrow();
        String user = options.superUser();
        Map<String, Object> props = new ClientSecurity(
                        listener,
                        options.interBrokerMechanism().orElse(null),
                        user,
                        bootstrapServers,
                        listener.usesSasl() ? passwords.get(user) : null,
                        truststore(),
                        listener.usesSasl() ? null : clientKeystores.get(user),
                        storePassword)
                .properties();
        props.remove("bootstrap.servers");
        return Map.copyOf(props);
    }

    private static String listenerKey(SecuredListener listener, String key) {
        return "listener.name." + listener.listenerName().toLowerCase(java.util.Locale.ROOT) + "." + key;
    }

    /**
     * PLAIN's user list; on the listener brokers log in to, also the brokers' own login and user.
     */
    private String plainJaas(SecuredListener listener) {
        StringBuilder jaas = new StringBuilder(PLAIN_MODULE).append(" required");
        if (brokersLogInTo(listener)) {
            jaas.append(brokerLogin())
                    .append(" user_")
                    .append(SecurityOptions.BROKER_USER)
                    .append("=\"")
                    .append(brokerPassword)
                    .append('"');
        }
        for (String user : options.users()) {
            jaas.append(" user_")
                    .append(user)
                    .append("=\"")
                    .append(passwords.get(user))
                    .append('"');
        }
        return jaas.append(';').toString();
    }

    /** The storage tool's {@code --add-scram} arguments: SCRAM-SHA-256 and -512 credentials for every user. */
    List<String> scramFormatArguments() {
        List<String> args = new ArrayList<>();
        List<String> users = new ArrayList<>(options.users());
        if (options.interBrokerListener().filter(SecuredListener::usesSasl).isPresent()) {
            users.add(SecurityOptions.BROKER_USER);
        }
        for (String user : users) {
            for (Sasl sasl : Sasl.values()) {
                if (sasl.isScram()) {
                    args.add("--add-scram");
                    args.add(sasl.mechanismName() + "=[name=" + user + ",password="
                            + (SecurityOptions.BROKER_USER.equals(user) ? brokerPassword : passwords.get(user)) + "]");
                }
            }
        }
        return args;
    }

    /** Client settings for a user; the caller has checked the listener is open. */
    ClientSecurity client(SecuredListener listener, Sasl mechanism, String user, String bootstrapServers) {
        String password = passwords.get(user);
        if (password == null && listener != SecuredListener.SSL) {
            throw new IllegalArgumentException("No test user '" + user + "'; the users are " + users());
        }
        if (listener.usesSasl() && mechanism == null) {
            throw new IllegalArgumentException(listener + " needs a SASL mechanism, one of " + List.of(Sasl.values()));
        }
        if (mechanism == Sasl.OAUTHBEARER && identityProvider == null) {
            throw new IllegalArgumentException("OAUTHBEARER needs @KafkaSecurity(oauth = true)");
        }
        if (!listener.usesSasl() && mechanism != null) {
            throw new IllegalArgumentException(listener + " does not use SASL; call client(listener, user)");
        }
        Path keystore = listener == SecuredListener.MUTUAL_TLS ? clientKeystores.get(user) : null;
        if (listener == SecuredListener.MUTUAL_TLS && keystore == null) {
            throw new IllegalArgumentException("User '" + user + "' was created at run time and has no client"
                    + " certificate; MUTUAL_TLS needs a user from the annotation or SecurityOptions");
        }
        return new ClientSecurity(
                listener,
                mechanism,
                user,
                bootstrapServers,
                listener.usesSasl() ? password : null,
                listener.usesTls() ? truststore() : null,
                keystore,
                storePassword,
                mechanism == Sasl.OAUTHBEARER ? identityProvider.tokenEndpointUrl() : null);
    }
}
