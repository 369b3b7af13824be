package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SaslSettings;
import dev.kafkasdk.core.config.Secret;
import dev.kafkasdk.core.config.SecurityProtocol;
import dev.kafkasdk.core.config.SecuritySettings;
import javax.net.ssl.SSLHandshakeException;
import javax.security.auth.login.LoginException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class AuthenticationHintsTest {

    @Test
    void pointsAtTheConfigKeysThatFixEachAuthenticationFailure() {
        assertThat(AuthenticationHints.hint(new SaslAuthenticationException("bad")))
                .startsWith("; ")
                .contains("cluster.security.sasl");
        assertThat(AuthenticationHints.hint(new SslAuthenticationException("bad")))
                .contains("cluster.security.truststore", "cluster.security.keystore");
        assertThat(AuthenticationHints.hint(new AuthenticationException("bad"))).contains("cluster.security");
    }

    @Test
    void saysNothingAboutOtherFailures() {
        assertThat(AuthenticationHints.hint(new TimeoutException("slow"))).isEmpty();
        assertThat(AuthenticationHints.hint(null)).isEmpty();
    }

    private static SecuritySettings sasl(SaslMechanism mechanism) {
        return SecuritySettings.builder()
                .protocol(SecurityProtocol.SASL_SSL)
                .sasl(SaslSettings.builder()
                        .mechanism(mechanism)
                        .username("alice")
                        .password(Secret.of("Alice-Secret-1"))
                        .clientId("svc-orders")
                        .clientSecret(Secret.of("Client-Secret-2"))
                        .tokenEndpointUrl("https://idp.example/token")
                        .build())
                .build();
    }

    @Test
    void namesTheUserAndMechanismButNeverThePassword() {
        String hint =
                AuthenticationHints.hint(new SaslAuthenticationException("bad"), sasl(SaslMechanism.SCRAM_SHA_256));

        assertThat(hint)
                .contains("user 'alice' (SCRAM-SHA-256)", "cluster.security.sasl")
                .doesNotContain("Alice-Secret-1", "Client-Secret-2");
    }

    @Test
    void anOauthRefusalNamesTheClientTheEndpointAndTheTokenChecks() {
        String hint = AuthenticationHints.hint(
                new SaslAuthenticationException("invalid_token"), sasl(SaslMechanism.OAUTHBEARER));

        assertThat(hint)
                .contains("OAUTHBEARER token of client 'svc-orders' from https://idp.example/token", "expired", "JWKS")
                .doesNotContain("Client-Secret-2", "alice");
    }

    @Test
    void aCertificateWithoutTheHostSaysSo() {
        SslAuthenticationException failure = new SslAuthenticationException(
                "SSL handshake failed",
                new SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found"));

        assertThat(AuthenticationHints.hint(failure, null))
                .contains("certificate does not name the host", "127.0.0.1", "bootstrap-servers");
        assertThat(AuthenticationHints.hint(new SslAuthenticationException("PKIX path building failed"), null))
                .contains("cluster.security.truststore");
    }

    @Test
    void aLoginFailureWhileCreatingTheClientNamesTheOauthClient() {
        KafkaException creation = new KafkaException(
                "Failed to construct kafka producer",
                new KafkaException(new LoginException("The token endpoint responded 401")));

        assertThat(AuthenticationHints.loginFailure(creation, sasl(SaslMechanism.OAUTHBEARER)))
                .hasValueSatisfying(hint -> assertThat(hint)
                        .contains("OAUTHBEARER login of client 'svc-orders'", "responded 401", "client-secret")
                        .doesNotContain("Client-Secret-2"));
        assertThat(AuthenticationHints.loginFailure(new KafkaException("other"), sasl(SaslMechanism.OAUTHBEARER)))
                .isEmpty();
    }
}
