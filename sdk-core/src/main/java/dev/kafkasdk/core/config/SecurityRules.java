package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that security settings are complete and consistent. Not part of the API.
 */
final class SecurityRules {

    private static final String SEC = ClusterKeys.SECURITY.path();
    private static final Set<String> URL_SCHEMES = Set.of("https", "http", "file");

    private SecurityRules() {}

    static void check(SecuritySettings security, Problems problems) {
        SecurityProtocol protocol = security.protocol().orElse(SecurityProtocol.PLAINTEXT);
        boolean saslProtocol = protocol == SecurityProtocol.SASL_SSL || protocol == SecurityProtocol.SASL_PLAINTEXT;
        boolean sslProtocol = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        Optional<SaslSettings> sasl = security.sasl().filter(s -> !s.isEmpty());
        if (saslProtocol && sasl.flatMap(SaslSettings::mechanism).isEmpty()) {
            problems.missing(
                    ClusterKeys.SASL_MECHANISM.toString(),
                    "is required when protocol is " + protocol
                            + "; use one of: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER");
        }
        if (!saslProtocol && sasl.isPresent()) {
            problems.invalid(
                    ClusterKeys.PROTOCOL.toString(),
                    protocol.name(),
                    "does not use SASL but " + SEC + ".sasl is set; use SASL_SSL (or SASL_PLAINTEXT), or remove sasl");
        }
        sasl.ifPresent(s -> checkSasl(s, problems));
        checkStore("truststore", security.truststore(), sslProtocol, protocol, problems);
        checkStore("keystore", security.keystore(), sslProtocol, protocol, problems);
        security.keystore()
                .filter(k -> k.location().isPresent() && k.password().isEmpty())
                .filter(k -> !k.type().map("PEM"::equalsIgnoreCase).orElse(false))
                .ifPresent(k -> problems.missing(
                        SEC + ".keystore." + ClusterKeys.STORE_PASSWORD.name(),
                        "is required with a keystore location (unless type is PEM)"));
    }

    private static void checkSasl(SaslSettings sasl, Problems problems) {
        SaslMechanism mechanism = sasl.mechanism().orElse(null);
        if (mechanism == null) {
            return;
        }
        if (mechanism == SaslMechanism.OAUTHBEARER) {
            requireText(ClusterKeys.SASL_TOKEN_ENDPOINT_URL, sasl, mechanism, problems);
            requireText(ClusterKeys.SASL_CLIENT_ID, sasl, mechanism, problems);
            requireSecret(ClusterKeys.SASL_CLIENT_SECRET, sasl, mechanism, problems);
            sasl.tokenEndpointUrl().filter(u -> !u.isBlank()).ifPresent(u -> checkUrl(u, problems));
            forbid(ClusterKeys.SASL_USERNAME, sasl, mechanism, "PLAIN and SCRAM", problems);
            forbid(ClusterKeys.SASL_PASSWORD, sasl, mechanism, "PLAIN and SCRAM", problems);
        } else {
            requireText(ClusterKeys.SASL_USERNAME, sasl, mechanism, problems);
            requireSecret(ClusterKeys.SASL_PASSWORD, sasl, mechanism, problems);
            for (SettingKey<?> oauth : List.of(
                    ClusterKeys.SASL_TOKEN_ENDPOINT_URL,
                    ClusterKeys.SASL_CLIENT_ID,
                    ClusterKeys.SASL_CLIENT_SECRET,
                    ClusterKeys.SASL_SCOPE)) {
                forbid(oauth, sasl, mechanism, "OAUTHBEARER", problems);
            }
        }
    }

    private static void checkUrl(String url, Problems problems) {
        String path = ClusterKeys.SASL_TOKEN_ENDPOINT_URL.toString();
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase())) {
                problems.invalid(path, url, "is not an https://, http:// or file: URL");
            }
        } catch (URISyntaxException e) {
            problems.invalid(path, url, "is not a valid URL: " + e.getReason());
        }
    }

    private static void checkStore(
            String name,
            Optional<StoreSettings> store,
            boolean sslProtocol,
            SecurityProtocol protocol,
            Problems problems) {
        Optional<StoreSettings> set = store.filter(s -> !s.isEmpty());
        if (set.isEmpty()) {
            return;
        }
        String path = SEC + "." + name;
        if (!sslProtocol) {
            problems.invalid(
                    ClusterKeys.PROTOCOL.toString(),
                    protocol.name(),
                    "does not use TLS but " + path + " is set; use SSL or SASL_SSL, or remove " + name);
        }
        StoreSettings s = set.get();
        if (s.location().isEmpty()) {
            problems.missing(
                    path + "." + ClusterKeys.STORE_LOCATION.name(),
                    "is required when " + path + " has a password or type; give the store file, e.g. /etc/kafka/" + name
                            + ".p12");
        } else if (s.location().get().isBlank()) {
            problems.invalid(
                    path + "." + ClusterKeys.STORE_LOCATION.name(), s.location().get(), "must not be blank");
        }
        s.type()
                .filter(String::isBlank)
                .ifPresent(t -> problems.invalid(
                        path + "." + ClusterKeys.STORE_TYPE.name(), t, "must not be blank; use JKS, PKCS12 or PEM"));
    }

    private static void requireText(SettingKey<String> key, SaslSettings sasl, SaslMechanism m, Problems problems) {
        Optional<String> value = sasl.get(key);
        if (value.isEmpty()) {
            problems.missing(key.toString(), "is required for SASL mechanism " + m.kafkaValue());
        } else if (value.get().isBlank()) {
            problems.invalid(key.toString(), value.get(), "must not be blank");
        }
    }

    private static void requireSecret(SettingKey<Secret> key, SaslSettings sasl, SaslMechanism m, Problems problems) {
        Optional<Secret> value = sasl.get(key);
        if (value.isEmpty()) {
            problems.missing(key.toString(), "is required for SASL mechanism " + m.kafkaValue());
        } else if (value.get().isBlank()) {
            problems.missing(key.toString(), "must not be blank");
        }
    }

    private static void forbid(
            SettingKey<?> key, SaslSettings sasl, SaslMechanism m, String usedBy, Problems problems) {
        if (sasl.get(key).isPresent()) {
            problems.missing(
                    key.toString(), "is only used with " + usedBy + ", not with " + m.kafkaValue() + "; remove it");
        }
    }
}
