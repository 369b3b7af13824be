package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.FatalKafkaSdkException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** When the poll loop polls through an authentication failure, on a fake clock. */
class AuthenticationRetryTest {

    private static final SaslAuthenticationException EXPIRED = new SaslAuthenticationException("token expired");

    private long now = 1_000_000_000L;
    private final AuthenticationRetry retry =
            new AuthenticationRetry("Consumer", "c-1", Duration.ofSeconds(10), () -> now);

    private void advance(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aConsumerTheClusterNeverAnsweredFailsAtTheFirstFailureWithItUnchanged() {
        assertThat(retry.failed(EXPIRED, 0)).isSameAs(EXPIRED);
    }

    @Test
    void afterAnAnswerFailuresArePolledThroughUntilTheTimeout() {
        assertThat(retry.failed(EXPIRED, 3)).isNull();
        assertThat(retry.failing()).isSameAs(EXPIRED);
        advance(9_999);
        assertThat(retry.failed(EXPIRED, 3)).isNull();
        advance(1);

        RuntimeException end = retry.failed(EXPIRED, 3);

        assertThat(end).isInstanceOf(FatalKafkaSdkException.class).hasCause(EXPIRED);
        assertThat(end.getMessage())
                .contains(
                        "Consumer c-1",
                        "failed to authenticate 3 times over 10s",
                        "cluster.authentication-retry-timeout (10s)",
                        "token expired");
    }

    @Test
    void anAnswerAfterTheLastFailureEndsTheRunAndTheNextRunGetsTheWholeTimeout() {
        retry.failed(EXPIRED, 3);
        advance(8_000);
        assertThat(retry.answered(3)).isFalse(); // no answer since the failure: the run goes on
        assertThat(retry.failing()).isSameAs(EXPIRED);

        assertThat(retry.answered(4)).isTrue();

        assertThat(retry.failing()).isNull();
        advance(5_000);
        assertThat(retry.failed(EXPIRED, 4)).isNull();
        advance(9_999);
        assertThat(retry.failed(EXPIRED, 4)).isNull();
    }

    @Test
    void aFailureAfterAnAnswerStartsANewRunWithoutBeingToldOfTheAnswer() {
        retry.failed(EXPIRED, 3);
        advance(9_000);

        assertThat(retry.failed(EXPIRED, 7)).isNull(); // answered since: the 9 s do not count
        advance(9_999);
        assertThat(retry.failed(EXPIRED, 7)).isNull();
        advance(1);
        assertThat(retry.failed(EXPIRED, 7)).isInstanceOf(FatalKafkaSdkException.class);
    }

    @Test
    void theBackoffDoublesFrom50MsUpTo1SAndEndsWithTheRun() {
        assertThat(retry.backoffNanos()).isZero();
        retry.failed(EXPIRED, 3);
        assertThat(retry.backoffNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
        retry.failed(EXPIRED, 3);
        assertThat(retry.backoffNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
        for (int i = 0; i < 20; i++) {
            retry.failed(EXPIRED, 3);
        }
        assertThat(retry.backoffNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());

        retry.answered(4);

        assertThat(retry.backoffNanos()).isZero();
    }

    @Test
    void aZeroTimeoutFailsAtTheFirstFailureNamingTheSetting() {
        AuthenticationRetry none = new AuthenticationRetry("Consumer", "c-1", Duration.ZERO, () -> now);

        RuntimeException end = none.failed(EXPIRED, 5);

        assertThat(end).isNotSameAs(EXPIRED);
        assertThat(end).isInstanceOf(FatalKafkaSdkException.class).hasCause(EXPIRED);
        assertThat(end.getMessage()).contains("cluster.authentication-retry-timeout is 0", "token expired");
    }

    @Test
    void findsTheAuthenticationFailureInACauseChain() {
        KafkaException wrapped = new KafkaException("commit failed", EXPIRED);

        assertThat(AuthenticationRetry.find(wrapped)).isSameAs(EXPIRED);
        assertThat(AuthenticationRetry.find(new KafkaException("other"))).isNull();
    }
}
