package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void parsesBinaryByteUnitsAndRecordRates() {
        assertThat(Throughput.parse("50MB/s")).isEqualTo(Throughput.bytesPerSecond(50.0 * 1024 * 1024));
        assertThat(Throughput.parse("1.5 GiB/s").perSecond()).isEqualTo(1.5 * 1024 * 1024 * 1024);
        assertThat(Throughput.parse("800KB/s").perSecond()).isEqualTo(800.0 * 1024);
        assertThat(Throughput.parse("2000B/s").perSecond()).isEqualTo(2000.0);
        assertThat(Throughput.parse("20000rec/s")).isEqualTo(Throughput.recordsPerSecond(20000));
    }

    @Test
    void rejectsTextThatIsNotARateAndSaysWhatWorks() {
        assertThatThrownBy(() -> Throughput.parse("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast' is not a throughput")
                .hasMessageContaining("50MB/s");
        assertThatThrownBy(() -> Throughput.parse("10 parsecs/s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throughput.bytesPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToCompareBytesWithRecords() {
        assertThatThrownBy(() -> Throughput.mebibytesPerSecond(1).ratio(Throughput.recordsPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same unit");
        assertThat(Throughput.mebibytesPerSecond(10).ratio(Throughput.mebibytesPerSecond(4)))
                .isEqualTo(2.5);
    }
}
