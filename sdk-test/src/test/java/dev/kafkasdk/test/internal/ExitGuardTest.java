package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaTestKitException;
import org.junit.jupiter.api.Test;

class ExitGuardTest {

    @Test
    void aRefusedHaltIsRecognisedDirectlyAndAsACause() {
        KafkaTestKitException refused = new KafkaTestKitException(ExitGuard.REFUSED_PREFIX
                + "halt the JVM with status 1; the test kit refused, the broker is now unusable");

        assertThat(ExitGuard.refusedExit(refused)).isTrue();
        assertThat(ExitGuard.refusedExit(new RuntimeException("wrapped", refused)))
                .isTrue();
    }

    @Test
    void otherStartFailuresAreNotRetried() {
        assertThat(ExitGuard.refusedExit(new KafkaTestKitException("The in-process Kafka broker did not start")))
                .isFalse();
        assertThat(ExitGuard.refusedExit(new IllegalStateException(ExitGuard.REFUSED_PREFIX + "halt")))
                .isFalse();
    }
}
