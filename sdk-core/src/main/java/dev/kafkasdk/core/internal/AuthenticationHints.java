package dev.kafkasdk.core.internal;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * The likely fix for an authentication failure, in terms of the SDK's config keys, shared by the
 * producer, consumer and admin translations. Never includes a credential. Not part of the API.
 */
public final class AuthenticationHints {

    private AuthenticationHints() {}

    /**
     * A hint for an authentication failure.
     *
     * @param cause the Kafka exception
     * @return the hint, starting with "; ", or empty if {@code cause} is not an authentication failure
     */
    public static String hint(Throwable cause) {
        if (cause instanceof SaslAuthenticationException) {
            return "; the broker refused the SASL credentials: check cluster.security.sasl (mechanism,"
                    + " username, password) against the user the broker knows; the client does not retry";
        }
        if (cause instanceof SslAuthenticationException) {
            return "; the TLS handshake failed: check that cluster.security.truststore holds the CA that signed"
                    + " the broker's certificate, that the certificate names the host in bootstrap-servers, and,"
                    + " if the broker requires client certificates, that cluster.security.keystore holds one";
        }
        if (cause instanceof AuthenticationException) {
            return "; authentication failed: check cluster.security (protocol, sasl, truststore, keystore)";
        }
        return "";
    }
}
