package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry-topics consumer settings of issue 16: YAML binding, defaults and bad values. */
class RetryTopicsSettingsTest {

    private static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    private static ConsumerSettings consumer(String body) {
        return KafkaSdkConfig.loader()
                .yaml(CLUSTER + "consumers:\n  billing:\n    group-id: g\n" + body)
                .load()
                .consumer("billing");
    }

    @Test
    void noTiersByDefault() {
        ConsumerSettings s = consumer("");

        assertThat(s.retryTopics()).isEmpty();
        assertThat(s.retryTopicSuffix()).isEqualTo("-retry-");
        assertThat(s.toProperties()).doesNotContainKeys("retry-topics", "retry-topic-suffix");
    }

    @Test
    void bindsTheTiersFromOneYamlLine() {
        ConsumerSettings s = consumer("    retry-topics: [5s, 1m, 10m]\n    retry-topic-suffix: .retry.\n");

        assertThat(s.retryTopics())
                .containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(s.retryTopicSuffix()).isEqualTo(".retry.");
        assertThat(s.origins()).containsKeys("retry-topics", "retry-topic-suffix");
    }

    @Test
    void builderSetsTheSameValues() {
        ConsumerSettings s = ConsumerSettings.builder()
                .cluster(ClusterSettings.of("b:9092"))
                .groupId("g")
                .retryTopics(List.of("500ms", "2s"))
                .build();

        assertThat(s.retryTopics()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    @Test
    void rejectsABadTierNamingTheKeyTheValueAndTheForm() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> consumer("    retry-topics: [5s, soon]\n"));

        assertThat(e.getMessage())
                .contains("consumers.billing.retry-topics")
                .contains("soon")
                .contains("[5s, 1m, 10m]");
    }

    @Test
    void rejectsZeroAndRepeatedTiersAndABadSuffixAllAtOnce() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> consumer("    retry-topics: [0s, 1s, 1s]\n    retry-topic-suffix: \"/retry/\"\n"));

        assertThat(e.getMessage())
                .contains("0s")
                .contains("positive")
                .contains("appears twice")
                .contains("consumers.billing.retry-topic-suffix")
                .contains("/retry/")
                .contains("a-z A-Z 0-9 . _ -");
    }

    @Test
    void topicsKeyNamesTheMainTopicsAndTheTierTopicsFollowTheConsumersNaming() {
        ConsumerSettings s = consumer("    retry-topics: [5s, 1m]\n    topics: [orders, refunds]\n");

        assertThat(s.topics()).containsExactly("orders", "refunds");
        assertThat(s.retryTierTopics("orders")).containsExactly("orders-retry-5s", "orders-retry-1m");
        assertThat(s.toProperties()).doesNotContainKey("topics");
        assertThat(consumer("").topics()).isEmpty();
        assertThat(consumer("").retryTierTopics("orders")).isEmpty();
    }

    @Test
    void rejectsAnIllegalTopicNameNamingTheKeyTheValueAndWhatIsValid() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> consumer("    topics: [orders, \"bad/topic\"]\n"));

        assertThat(e.getMessage())
                .contains("consumers.billing.topics")
                .contains("bad/topic")
                .contains("a-z A-Z 0-9 . _ -")
                .doesNotContain("'orders'");
    }
}
