package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code cluster.authentication-retry-timeout}: default, binding, zero, bad values. */
class AuthenticationRetrySettingsTest {

    private static KafkaSdkConfig load(String cluster) {
        return KafkaSdkConfig.loader()
                .yaml("cluster:\n  bootstrap-servers: broker1:9092\n" + cluster)
                .load();
    }

    @Test
    void twoMinutesByDefault() {
        assertThat(load("").cluster().authenticationRetryTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void boundFromTheDocumentAndFromCodeAndZeroIsAllowed() {
        ClusterSettings fromFile = load("  authentication-retry-timeout: 30s\n").cluster();
        ClusterSettings zero = load("  authentication-retry-timeout: 0s\n").cluster();
        ClusterSettings fromCode = ClusterSettings.builder()
                .bootstrapServers("b:9092")
                .authenticationRetryTimeout(Duration.ofSeconds(30))
                .build();

        assertThat(fromFile.authenticationRetryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(zero.authenticationRetryTimeout()).isZero();
        assertThat(fromCode.authenticationRetryTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsValid() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> load("  authentication-retry-timeout: soon\n"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("cluster.authentication-retry-timeout");
            assertThat(p.toString()).contains("soon", "is not a duration", "a number with a unit");
        });
    }
}
