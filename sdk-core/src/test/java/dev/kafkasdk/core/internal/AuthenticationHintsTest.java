package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
