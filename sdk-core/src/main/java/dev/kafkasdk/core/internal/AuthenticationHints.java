package dev.kafkasdk.core.internal;

import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SaslSettings;
import dev.kafkasdk.core.config.SecuritySettings;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.login.LoginException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * The likely fix for an authentication failure, in terms of the SDK's config keys, shared by the
 * producer, consumer and admin translations. Names the mechanism and the principal (user name or
 * OAuth client id) when the settings are known; never includes a credential. Not part of the API.
 */
public final class AuthenticationHints {

    private AuthenticationHints() {}

    /**
     * A hint for an authentication failure, without knowing who the client authenticated as.
     *
     * @param cause the Kafka exception
     * @return the hint, starting with "; ", or empty if {@code cause} is not an authentication failure
     */
    public static String hint(Throwable cause) {
        return hint(cause, null);
    }

    /**
     * A hint for an authentication failure that names the client's mechanism and principal.
     *
     * @param cause    the Kafka exception
     * @param security the client's security settings, if known
     * @return the hint, starting with "; ", or empty if {@code cause} is not an authentication failure
     */
    public static String hint(Throwable cause, @Nullable SecuritySettings security) {
        Optional<SaslSettings> sasl = security == null ? Optional.empty() : security.sasl();
        if (cause instanceof SaslAuthenticationException) {
            if (sasl.flatMap(SaslSettings::mechanism).orElse(null) == SaslMechanism.OAUTHBEARER) {
                return "; the broker refused the OAUTHBEARER token of client "
                        + quoted(sasl.get().clientId())
                        + tokenEndpoint(sasl.get())
                        + ": the token may have expired (or the clocks differ), be signed by a key that is not in"
                        + " the broker's JWKS, or carry an issuer, audience or scope the broker does not accept;"
                        + " check cluster.security.sasl (client-id, token-endpoint-url, scope) against the"
                        + " identity provider and the broker's sasl.oauthbearer settings; the client does not retry";
            }
            if (sasl.isPresent() && sasl.get().mechanism().isPresent()) {
                return "; the broker refused the SASL credentials of user "
                        + quoted(sasl.get().username()) + " ("
                        + sasl.get().mechanism().get().kafkaValue()
                        + "): check cluster.security.sasl (mechanism, username, password) against the users the"
                        + " broker knows; the client does not retry";
            }
            return "; the broker refused the SASL credentials: check cluster.security.sasl (mechanism,"
                    + " username, password) against the user the broker knows; the client does not retry";
        }
        if (cause instanceof SslAuthenticationException) {
            Optional<String> mismatch = hostnameMismatch(cause);
            if (mismatch.isPresent()) {
                return "; the broker's certificate does not name the host this client connected to ("
                        + mismatch.get() + "): connect through a host name the certificate carries in its"
                        + " subject alternative names, or reissue the certificate with this host; check"
                        + " bootstrap-servers (and the brokers' advertised.listeners)";
            }
            return "; the TLS handshake failed: check that cluster.security.truststore holds the CA that signed"
                    + " the broker's certificate, that the certificate names the host in bootstrap-servers, and,"
                    + " if the broker requires client certificates, that cluster.security.keystore holds one";
        }
        if (cause instanceof AuthenticationException) {
            return "; authentication failed: check cluster.security (protocol, sasl, truststore, keystore)";
        }
        return "";
    }

    /**
     * A hint for a client that could not be created because its SASL login failed (an OAuth token
     * endpoint that refused the client id or secret, or could not be reached).
     *
     * @param failure  what creating the client threw
     * @param security the client's security settings
     * @return the hint, starting with "; ", or empty if no login failure is in the cause chain
     */
    public static Optional<String> loginFailure(Throwable failure, SecuritySettings security) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginException) {
                Optional<SaslSettings> sasl = security.sasl();
                String who = sasl.flatMap(SaslSettings::mechanism).orElse(null) == SaslMechanism.OAUTHBEARER
                        ? "the OAUTHBEARER login of client " + quoted(sasl.get().clientId()) + tokenEndpoint(sasl.get())
                        : "the SASL login";
                return Optional.of("; " + who + " failed (" + t.getMessage() + "): check cluster.security.sasl"
                        + " (client-id, client-secret, token-endpoint-url, scope) against the identity provider;"
                        + " the client is not created");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hostnameMismatch(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
                    return Optional.of(message);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String tokenEndpoint(SaslSettings sasl) {
        return sasl.tokenEndpointUrl().map(url -> " from " + url).orElse("");
    }

    private static String quoted(Optional<String> name) {
        return name.map(n -> "'" + n + "'").orElse("(none configured)");
    }
}
