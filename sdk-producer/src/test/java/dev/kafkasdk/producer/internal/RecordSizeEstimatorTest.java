package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the SDK's estimate against the one kafka-clients itself applies before sending. */
class RecordSizeEstimatorTest {

    static Stream<Arguments> records() {
        Header[] none = new Header[0];
        Header[] some = {
            new RecordHeader("trace-id", "abc123".getBytes(StandardCharsets.UTF_8)),
            new RecordHeader("empty", null),
            new RecordHeader("ünïcödé", new byte[300])
        };
        return Stream.of(
                Arguments.of(null, null, none),
                Arguments.of(new byte[0], new byte[0], none),
                Arguments.of(bytes(10), bytes(100), none),
                Arguments.of(null, bytes(63), some),
                Arguments.of(bytes(64), bytes(8191), some),
                Arguments.of(bytes(200), bytes(1_048_576), some),
                Arguments.of(bytes(16_384), bytes(5_000_000), none));
    }

    @ParameterizedTest
    @MethodSource("records")
    void matchesKafkaClientsUpperBound(byte[] key, byte[] value, Header[] headers) {
        int kafka = AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, value, headers);

        assertThat(RecordSizeEstimator.upperBound(key, value, headers)).isEqualTo(kafka);
    }

    @org.junit.jupiter.api.Test
    void utf8LengthMatchesEncoding() {
        for (String text : new String[] {"", "ascii", "ünïcödé", "€uro", "emoji \uD83D\uDE00", "\uD800"}) {
            assertThat(RecordSizeEstimator.utf8Length(text))
                    .as(text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static byte[] bytes(int length) {
        return new byte[length];
    }
}
