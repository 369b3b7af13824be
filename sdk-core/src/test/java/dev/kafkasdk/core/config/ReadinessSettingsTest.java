package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The consumer readiness settings of issue 14: {@code start-timeout} and {@code missing-topics}. */
class ReadinessSettingsTest {

    private static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    private static ConsumerSettings consumer(String body) {
        return KafkaSdkConfig.loader()
                .yaml(CLUSTER + "consumers:\n  billing:\n    group-id: g\n" + body)
                .load()
                .consumer("billing");
    }

    @Test
    void defaultsFailAfterThirtySeconds() {
        ConsumerSettings s = consumer("");

        assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.missingTopics()).isEqualTo(MissingTopics.FAIL);
        assertThat(s.toProperties()).doesNotContainKeys("start-timeout", "missing-topics");
    }

    @Test
    void bindsBothKeysFromYamlAndTheBuilder() {
        ConsumerSettings s = consumer("    start-timeout: 5s\n    missing-topics: WAIT\n");

        assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.missingTopics()).isEqualTo(MissingTopics.WAIT);
        assertThat(s.origins()).containsKeys("start-timeout", "missing-topics");
        ConsumerSettings built = ConsumerSettings.from(s)
                .startTimeout(Duration.ofMillis(1500))
                .missingTopics(MissingTopics.WARN)
                .build();
        assertThat(built.startTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(built.missingTopics()).isEqualTo(MissingTopics.WARN);
    }

    @Test
    void rejectsAnUnknownMissingTopicsValueNamingTheValidOnes() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> consumer("    missing-topics: ignore\n"));

        assertThat(e.getMessage())
                .contains("consumers.billing.missing-topics")
                .contains("ignore")
                .contains("fail", "wait", "warn");
    }

    @Test
    void rejectsAZeroOrUnreadableStartTimeout() {
        ConfigException zero = catchThrowableOfType(ConfigException.class, () -> consumer("    start-timeout: 0s\n"));
        ConfigException text = catchThrowableOfType(ConfigException.class, () -> consumer("    start-timeout: soon\n"));

        assertThat(zero.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("consumers.billing.start-timeout");
            assertThat(p.reason()).contains("0ms", "more than zero");
        });
        assertThat(text.getMessage())
                .contains("consumers.billing.start-timeout")
                .contains("soon");
    }
}
