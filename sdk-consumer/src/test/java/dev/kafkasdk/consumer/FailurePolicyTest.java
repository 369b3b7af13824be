package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    @Test
    void defaultsRetryThreeTimesThenStop() {
        FailurePolicy policy = FailurePolicy.defaults();

        assertThat(policy.retryConfig().getMaxAttempts()).isEqualTo(3);
        assertThat(policy.onExhausted()).isEqualTo(FailureAction.STOP);
        assertThat(policy.retryConfig().getIntervalBiFunction().apply(1, null)).isEqualTo(200L);
        assertThat(policy.retryConfig().getIntervalBiFunction().apply(2, null)).isEqualTo(400L);
    }

    @Test
    void noRetryAppliesTheActionOnTheFirstFailure() {
        FailurePolicy policy = FailurePolicy.noRetry(FailureAction.DEAD_LETTER);

        assertThat(policy.retryConfig().getMaxAttempts()).isEqualTo(1);
        assertThat(policy.onExhausted()).isEqualTo(FailureAction.DEAD_LETTER);
    }

    @Test
    void buildReportsEveryInvalidValueAtOnce() {
        assertThatThrownBy(() -> FailurePolicy.builder()
                        .maxAttempts(0)
                        .backoff(Duration.ofSeconds(2), 0.5, Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts must be >= 1")
                .hasMessageContaining("multiplier must be >= 1")
                .hasMessageContaining("below the initial backoff");
    }
}
