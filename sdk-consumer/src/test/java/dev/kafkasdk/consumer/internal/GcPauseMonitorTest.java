package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcPauseMonitorTest {

    @Test
    void concurrentCollectorCyclesAreNotPauses() {
        assertThat(GcPauseMonitor.isPauseCollector("G1 Young Generation")).isTrue();
        assertThat(GcPauseMonitor.isPauseCollector("G1 Old Generation")).isTrue();
        assertThat(GcPauseMonitor.isPauseCollector("ZGC Pauses")).isTrue();
        assertThat(GcPauseMonitor.isPauseCollector("G1 Concurrent GC")).isFalse();
        assertThat(GcPauseMonitor.isPauseCollector("ZGC Cycles")).isFalse();
        assertThat(GcPauseMonitor.isPauseCollector("Shenandoah Cycles")).isFalse();
    }

    @Test
    void keepsTheLongestPause() {
        try (GcPauseMonitor monitor = GcPauseMonitor.start()) {
            monitor.record(12);
            monitor.record(340);
            monitor.record(25);

            assertThat(monitor.maxPause())
                    .hasValueSatisfying(max -> assertThat(max).isGreaterThanOrEqualTo(Duration.ofMillis(340)));
            assertThat(monitor.pauseCount()).isGreaterThanOrEqualTo(3);
        }
    }
}
