package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendResultTest {

    @Test
    void printsAsOneRowOfTopicPartitionOffsetAndTimestamp() {
        SendResult stored = new SendResult("orders", 2, 1041, Instant.parse("2026-01-02T03:04:05.123Z"));
        SendResult unacknowledged = new SendResult("orders", 0, -1, Instant.EPOCH);

        assertThat(stored).hasToString("orders-2@1041  2026-01-02T03:04:05.123Z");
        assertThat(unacknowledged).hasToString("orders-0@-  1970-01-01T00:00:00Z");
    }
}
