package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {

    @ParameterizedTest
    @CsvSource({
        "64KiB,65536",
        "1MiB,1048576",
        "1GiB,1073741824",
        "512B,512",
        "1024,1024",
        "5KB,5000",
        "2MB,2000000",
        "1GB,1000000000",
        "3kib,3072",
        "0,0"
    })
    void byteSizeParsesBinaryDecimalAndPlainBytes(String text, long bytes) {
        assertThat(ByteSize.parse(text).toBytes()).isEqualTo(bytes);
    }

    @Test
    void byteSizeFormatsWithTheLargestExactBinaryUnit() {
        assertThat(ByteSize.parse("64KiB")).hasToString("64KiB");
        assertThat(ByteSize.parse("1048576")).hasToString("1MiB");
        assertThat(ByteSize.parse("1KB")).hasToString("1000B");
        assertThat(ByteSize.ofBytes(0)).hasToString("0B");
        assertThat(ByteSize.parse(ByteSize.ofGibibytes(3).toString())).isEqualTo(ByteSize.ofGibibytes(3));
    }

    @Test
    void byteSizeToIntRefusesToOverflow() {
        assertThat(ByteSize.parse("1GiB").toInt()).isEqualTo(1 << 30);
        assertThatThrownBy(() -> ByteSize.parse("2GiB").toInt())
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("2GiB does not fit in an int");
    }

    @Test
    void byteSizeRejectsFractionsNegativesAndUnknownUnits() {
        assertThatThrownBy(() -> ByteSize.parse("1.5MiB")).hasMessageStartingWith("'1.5MiB' is not a byte size");
        assertThatThrownBy(() -> ByteSize.parse("-1KiB")).hasMessageStartingWith("'-1KiB' is not a byte size");
        assertThatThrownBy(() -> ByteSize.parse("9Zb")).hasMessageStartingWith("'9Zb' has an unknown unit");
        assertThatThrownBy(() -> ByteSize.parse("99999999999TiB")).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
        "250ms,250",
        "5s,5000",
        "1m,60000",
        "2h,7200000",
        "7d,604800000",
        "PT5S,5000",
        "pt1m,60000",
        "0ms,0",
        "10 s,10000"
    })
    void durationsParseUnitsAndIso(String text, long millis) {
        assertThat(Durations.parse(text)).hasMillis(millis);
    }

    @Test
    void durationsRejectPlainNumbersAndSayWhichUnitsExist() {
        assertThatThrownBy(() -> Durations.parse("5000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'5000' has no unit; use a number with a unit: ms, s, m, h, d (e.g. 250ms, 5s)");
        assertThatThrownBy(() -> Durations.parse("10 parsecs"))
                .hasMessage(
                        "'10 parsecs' is not a duration; use a number with a unit: ms, s, m, h, d (e.g. 250ms, 5s)");
        assertThatThrownBy(() -> Durations.parse("-PT5S")).hasMessageContaining("is negative");
    }

    @Test
    void durationsFormatWithTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        assertThat(Durations.parse(Durations.format(Duration.ofMinutes(120)))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void secretIsMaskedInToStringAndRevealedOnRequest() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret).hasToString("******");
        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(secret)
                .isEqualTo(Secret.of("hunter2"))
                .isNotEqualTo(Secret.of("hunter3"))
                .hasSameHashCodeAs(Secret.of("hunter2"));
    }

    @Test
    void enumsParseLenientlyAndRenderKafkaValues() {
        assertThat(SaslMechanism.parse("scram-sha-512")).isEqualTo(SaslMechanism.SCRAM_SHA_512);
        assertThat(SaslMechanism.parse("SCRAM_SHA_512").kafkaValue()).isEqualTo("SCRAM-SHA-512");
        assertThat(Acks.parse("-1")).isEqualTo(Acks.ALL);
        assertThat(Acks.parse("1")).isEqualTo(Acks.LEADER);
        assertThat(Acks.parse("0")).isEqualTo(Acks.NONE);
        assertThat(Acks.parse("Leader").kafkaValue()).isEqualTo("1");
        assertThat(IsolationLevel.parse("read-committed").kafkaValue()).isEqualTo("read_committed");
        assertThat(SecurityProtocol.parse("sasl-ssl")).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(GroupProtocol.parse("CONSUMER").kafkaValue()).isEqualTo("consumer");
        assertThat(OffsetReset.parse(" Earliest ").kafkaValue()).isEqualTo("earliest");
        assertThat(Compression.parse("ZSTD").kafkaValue()).isEqualTo("zstd");
        assertThat(AssignmentStrategy.parse("roundrobin")).isEqualTo(AssignmentStrategy.ROUND_ROBIN);
        assertThat(CleanupPolicy.parse("compact, delete")).isEqualTo(CleanupPolicy.DELETE_COMPACT);
        assertThat(ProducerPreset.parse("high-throughput")).isEqualTo(ProducerPreset.HIGH_THROUGHPUT);
        assertThat(FetchPreset.parse("low_latency")).isEqualTo(FetchPreset.LOW_LATENCY);
    }

    @Test
    void enumErrorsListTheValidValues() {
        assertThatThrownBy(() -> IsolationLevel.parse("serializable"))
                .hasMessage("'serializable' is not a valid isolation level; use one of: read_uncommitted, "
                        + "read_committed");
        assertThatThrownBy(() -> CleanupPolicy.parse("forever"))
                .hasMessageContaining("use one of: delete, compact, delete-compact (delete,compact)");
    }
}
