package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Problems;


import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that security settings are complete and consistent. Not part of the API.
 */
final class SecurityRules {

    private static final String SEC = "cluster.security";
    private static final Set<String> URL_SCHEMES = Set.of("https", "http", "file");

    private SecurityRules() {
    }

    static void check(SecuritySettings security, Problems problems) {
        SecurityProtocol protocol = security.protocol().orElse(SecurityProtocol.PLAINTEXT);
        boolean saslProtocol = protocol == SecurityProtocol.SASL_SSL || protocol == SecurityProtocol.SASL_PLAINTEXT;
        boolean sslProtocol = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        Optional<SaslSettings> sasl = security.sasl().filter(s -> !s.isEmpty());
        if (saslProtocol && sasl.flatMap(SaslSettings::mechanism).isEmpty()) {
            problems.missing(SEC + ".sasl.mechanism", "is required when protocol is " + protocol
                    + "; use one of: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER");
        }
        if (!saslProtocol && sasl.isPresent()) {
            problems.invalid(SEC + ".protocol", protocol.name(), "does not use SASL but " + SEC
                    + ".sasl is set; use SASL_SSL (or SASL_PLAINTEXT), or remove sasl");
        }
        sasl.ifPresent(s -> checkSasl(s, problems));
        checkStore("truststore", security.truststore(), sslProtocol, protocol, problems);
        checkStore("keystore", security.keystore(), sslProtocol, protocol, problems);
        security.keystore().filter(k -> k.location().isPresent() && k.password().isEmpty())
                .filter(k -> !k.type().map("PEM"::equalsIgnoreCase).orElse(false))
                .ifPresent(k -> problems.missing(SEC + ".keystore.password",
                        "is required with a keystore location (unless type is PEM)"));
    }

    private static void checkSasl(SaslSettings sasl, Problems problems) {
        String path = SEC + ".sasl";
        SaslMechanism mechanism = sasl.mechanism().orElse(null);
        if (mechanism == null) {
            return;
        }
        if (mechanism == SaslMechanism.OAUTHBEARER) {
            requireText(path + ".token-endpoint-url", sasl.tokenEndpointUrl(), mechanism, problems);
            requireText(path + ".client-id", sasl.clientId(), mechanism, problems);
            requireSecret(path + ".client-secret", sasl.clientSecret(), mechanism, problems);
            sasl.tokenEndpointUrl().filter(u -> !u.isBlank()).ifPresent(u -> checkUrl(path, u, problems));
            forbid(path + ".username", sasl.username().isPresent(), mechanism, "PLAIN and SCRAM", problems);
            forbid(path + ".password", sasl.password().isPresent(), mechanism, "PLAIN and SCRAM", problems);
        } else {
            requireText(path + ".username", sasl.username(), mechanism, problems);
            requireSecret(path + ".password", sasl.password(), mechanism, problems);
            forbid(path + ".token-endpoint-url", sasl.tokenEndpointUrl().isPresent(), mechanism, "OAUTHBEARER", problems);
            forbid(path + ".client-id", sasl.clientId().isPresent(), mechanism, "OAUTHBEARER", problems);
            forbid(path + ".client-secret", sasl.clientSecret().isPresent(), mechanism, "OAUTHBEARER", problems);
            forbid(path + ".scope", sasl.scope().isPresent(), mechanism, "OAUTHBEARER", problems);
        }
    }

    private static void checkUrl(String path, String url, Problems problems) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase())) {
                problems.invalid(path + ".token-endpoint-url", url, "is not an https://, http:// or file: URL");
            }
        } catch (URISyntaxException e) {
            problems.invalid(path + ".token-endpoint-url", url, "is not a valid URL: " + e.getReason());
        }
    }

    private static void checkStore(String name, Optional<StoreSettings> store, boolean sslProtocol,
                                   SecurityProtocol protocol, Problems problems) {
        Optional<StoreSettings> set = store.filter(s -> !s.isEmpty());
        if (set.isEmpty()) {
            return;
        }
        String path = SEC + "." + name;
        if (!sslProtocol) {
            problems.invalid(SEC + ".protocol", protocol.name(), "does not use TLS but " + path
                    + " is set; use SSL or SASL_SSL, or remove " + name);
        }
        StoreSettings s = set.get();
        if (s.location().isEmpty()) {
            problems.missing(path + ".location", "is required when " + path + " has a password or type; "
                    + "give the store file, e.g. /etc/kafka/" + name + ".p12");
        } else if (s.location().get().isBlank()) {
            problems.invalid(path + ".location", s.location().get(), "must not be blank");
        }
        s.type().filter(String::isBlank).ifPresent(t -> problems.invalid(path + ".type", t,
                "must not be blank; use JKS, PKCS12 or PEM"));
    }

    private static void requireText(String path, Optional<String> value, SaslMechanism m, Problems problems) {
        if (value.isEmpty()) {
            problems.missing(path, "is required for SASL mechanism " + m.kafkaValue());
        } else if (value.get().isBlank()) {
            problems.invalid(path, value.get(), "must not be blank");
        }
    }

    private static void requireSecret(String path, Optional<Secret> value, SaslMechanism m, Problems problems) {
        if (value.isEmpty()) {
            problems.missing(path, "is required for SASL mechanism " + m.kafkaValue());
        } else if (value.get().isBlank()) {
            problems.missing(path, "must not be blank");
        }
    }

    private static void forbid(String path, boolean present, SaslMechanism m, String usedBy, Problems problems) {
        if (present) {
            problems.missing(path, "is only used with " + usedBy + ", not with " + m.kafkaValue() + "; remove it");
        }
    }
}
