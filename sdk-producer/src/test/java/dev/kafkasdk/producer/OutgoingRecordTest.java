package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingRecordTest {

    @Test
    void builderSetsEveryFieldAndHeadersKeepTheirOrder() {
        OutgoingRecord<String, Integer> record = OutgoingRecord.<String, Integer>builder("orders")
                .key("k")
                .value(7)
                .header("a", "1")
                .header("b", new byte[] {2})
                .header("a", "3")
                .partition(4)
                .timestamp(Instant.ofEpochMilli(1000))
                .build();

        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.key()).isEqualTo("k");
        assertThat(record.value()).isEqualTo(7);
        assertThat(record.headers()).extracting(OutgoingRecord.Header::name).containsExactly("a", "b", "a");
        assertThat(record.headers().get(2).valueAsString()).isEqualTo("3");
        assertThat(record.partition()).hasValue(4);
        assertThat(record.timestamp()).contains(Instant.ofEpochMilli(1000));
    }

    @Test
    void isImmutableEvenThroughHeaderArrays() {
        byte[] bytes = {1, 2};
        OutgoingRecord<String, String> record =
                OutgoingRecord.<String, String>builder("t").header("h", bytes).build();
        bytes[0] = 9;
        record.headers().get(0).value()[1] = 9;

        assertThat(record.headers().get(0).value()).containsExactly(1, 2);
        assertThatThrownBy(() -> record.headers().add(OutgoingRecord.Header.of("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderDerivesAnEqualCopy() {
        OutgoingRecord<String, String> record = OutgoingRecord.<String, String>builder("t")
                .key("k")
                .value("v")
                .header("h", "1")
                .partition(1)
                .build();

        assertThat(record.toBuilder().build()).isEqualTo(record).hasSameHashCodeAs(record);
        assertThat(record.toBuilder().value("w").build()).isNotEqualTo(record);
    }

    @Test
    void toStringNeverShowsTheValue() {
        assertThat(OutgoingRecord.of("t", "k", "password=hunter2").toString())
                .contains("k")
                .doesNotContain("hunter2");
    }

    @Test
    void rejectsInvalidFields() {
        assertThatThrownBy(() -> OutgoingRecord.builder(" ")).hasMessageContaining("topic");
        assertThatThrownBy(() -> OutgoingRecord.builder("t").partition(-1)).hasMessageContaining("partition");
        assertThatThrownBy(() -> OutgoingRecord.builder("t").timestamp(Instant.ofEpochMilli(-5)))
                .hasMessageContaining("epoch");
        assertThatThrownBy(() -> OutgoingRecord.builder("t").header("", "v")).hasMessageContaining("header name");
    }
}
