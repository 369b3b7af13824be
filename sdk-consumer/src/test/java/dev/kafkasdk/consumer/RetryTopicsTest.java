package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.core.transaction.TransactionalSink;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Retry tier naming, the policy's validation, and what the builder refuses to combine with it. */
class RetryTopicsTest {

    private static final FailurePolicy TIERS = FailurePolicy.retryTopics(
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMillis(500))
            .thenDeadLetter();

    @Test
    void namesTierTopicsAfterTheTopicAndTheDelay() {
        RetryTopics topics = TIERS.retryTiers().orElseThrow();

        assertThat(topics.tierTopics("orders"))
                .containsExactly("orders-retry-5s", "orders-retry-1m", "orders-retry-500ms");
        assertThat(topics.tierOf("orders-retry-1m")).hasValue(1);
        assertThat(topics.tierOf("orders")).isEmpty();
        assertThat(topics.tierOf("-retry-5s")).isEmpty();
        assertThat(topics.mainTopic("orders-retry-500ms")).isEqualTo("orders");
        assertThat(topics.mainTopic("orders")).isEqualTo("orders");
        assertThat(TIERS.onExhausted()).isEqualTo(FailureAction.DEAD_LETTER);
        assertThat(TIERS.retryConfig().getMaxAttempts()).isEqualTo(1);
    }

    @Test
    void suffixIsConfigurable() {
        RetryTopics topics = FailurePolicy.retryTopics(Duration.ofSeconds(30))
                .suffix(".retry.")
                .thenDeadLetter()
                .retryTiers()
                .orElseThrow();

        assertThat(topics.tierTopic("orders", 0)).isEqualTo("orders.retry.30s");
    }

    @Test
    void rejectsNoTiersZeroRepeatedAndABadSuffixAllAtOnce() {
        IllegalArgumentException none = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> FailurePolicy.retryTopics(new Duration[0]).thenDeadLetter());
        IllegalArgumentException bad = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> FailurePolicy.retryTopics(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(1000))
                        .suffix("/r/")
                        .thenDeadLetter());

        assertThat(none).hasMessageContaining("at least one tier delay");
        assertThat(bad)
                .hasMessageContaining("PT0S must be positive")
                .hasMessageContaining("1s appears twice")
                .hasMessageContaining("suffix '/r/'");
    }

    @Test
    void builderRefusesABatchHandlerAPatternAndTransactions() {
        ConsumerSettings settings = ConsumerSettings.builder()
                .cluster(ClusterSettings.of("localhost:9"))
                .groupId("g")
                .build();
        ConfigException batch = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .batchHandler(b -> {})
                        .failurePolicy(TIERS)
                        .build());
        ConfigException pattern = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe(Subscription.pattern(Pattern.compile("t.*")))
                        .recordHandler(r -> {})
                        .failurePolicy(TIERS)
                        .build());
        ConfigException transactional = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .recordHandler(r -> {})
                        .commitMode(CommitMode.transactional(sink()))
                        .failurePolicy(TIERS)
                        .build());

        assertThat(batch).hasMessageContaining("FailurePolicy.retryTopics").hasMessageContaining("recordHandler");
        assertThat(pattern).hasMessageContaining("subscription").hasMessageContaining("subscribe(topics...)");
        assertThat(transactional).hasMessageContaining("non-transactional commit mode");
    }

    @Test
    void theConfigKeyAloneBuildsWithoutADeadLetterPublisherSet() {
        ConsumerSettings settings = ConsumerSettings.builder()
                .cluster(ClusterSettings.of("localhost:9"))
                .groupId("g")
                .retryTopics(java.util.List.of("5s", "1m"))
                .build();

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe("orders")
                .recordHandler(r -> {})
                .build()) {
            assertThat(consumer.state()).isEqualTo(ConsumerState.NEW);
        }
    }

    private static TransactionalSink<?, ?> sink() {
        return (TransactionalSink<?, ?>) java.lang.reflect.Proxy.newProxyInstance(
                TransactionalSink.class.getClassLoader(),
                new Class<?>[] {TransactionalSink.class},
                (proxy, method, args) -> null);
    }
}
