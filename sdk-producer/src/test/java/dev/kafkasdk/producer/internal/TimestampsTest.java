package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void aRepeatedMillisecondReusesTheInstantAndANewOneIsExact() {
        Timestamps timestamps = new Timestamps();
        Instant first = timestamps.of(1_764_000_000_123L);
        assertThat(first).isEqualTo(Instant.ofEpochMilli(1_764_000_000_123L));
        assertThat(timestamps.of(1_764_000_000_123L)).isSameAs(first);
        assertThat(timestamps.of(1_764_000_000_124L)).isEqualTo(Instant.ofEpochMilli(1_764_000_000_124L));
        assertThat(timestamps.of(0)).isEqualTo(Instant.EPOCH);
        assertThat(timestamps.of(-1)).isEqualTo(Instant.ofEpochMilli(-1));
    }
}
