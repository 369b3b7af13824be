package dev.kafkasdk.core.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.observation.KafkaHeadersCarrier;
import dev.kafkasdk.core.observation.KafkaObservationKeys;
import dev.kafkasdk.core.observation.KafkaProcessContext;
import dev.kafkasdk.core.observation.KafkaSendContext;
import io.micrometer.common.KeyValue;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaConventionsTest {

    @Test
    void sendSpanIsNamedAfterTheTopicAndCarriesOffsetAndKeyOnlyAsHighCardinality() {
        KafkaSendContext context =
                new KafkaSendContext(new RecordHeaders(), "orders", "app-producer-1", bytes("order-1"), -1);
        context.acknowledged(2, 41);

        assertThat(KafkaConventions.SEND_CONVENTION.getContextualName(context)).isEqualTo("send orders");
        assertThat(KafkaConventions.SEND_CONVENTION.getLowCardinalityKeyValues(context))
                .extracting(KeyValue::getKey)
                .containsExactlyInAnyOrder(
                        KafkaObservationKeys.SYSTEM,
                        KafkaObservationKeys.OPERATION_TYPE,
                        KafkaObservationKeys.DESTINATION,
                        KafkaObservationKeys.CLIENT_ID,
                        KafkaObservationKeys.OUTCOME,
                        KafkaObservationKeys.ERROR_TYPE);
        assertThat(KafkaConventions.SEND_CONVENTION.getHighCardinalityKeyValues(context))
                .containsExactlyInAnyOrder(
                        KeyValue.of(KafkaObservationKeys.PARTITION, "2"),
                        KeyValue.of(KafkaObservationKeys.OFFSET, "41"),
                        KeyValue.of(KafkaObservationKeys.MESSAGE_KEY, "order-1"));
    }

    @Test
    void failedHandlingIsTaggedWithOutcomeAndErrorType() {
        KafkaProcessContext context =
                new KafkaProcessContext(new RecordHeaders(), "orders", 0, 7, null, null, "app-consumer-1", 2);
        context.setError(new IllegalStateException("boom"));

        assertThat(KafkaConventions.PROCESS_CONVENTION.getLowCardinalityKeyValues(context))
                .contains(
                        KeyValue.of(KafkaObservationKeys.OUTCOME, "failure"),
                        KeyValue.of(KafkaObservationKeys.ERROR_TYPE, "IllegalStateException"),
                        KeyValue.of(KafkaObservationKeys.CONSUMER_GROUP, "none"));
        assertThat(KafkaConventions.PROCESS_CONVENTION.getHighCardinalityKeyValues(context))
                .contains(KeyValue.of(KafkaObservationKeys.ATTEMPT, "2"));
    }

    @Test
    void onlyShortPrintableUtf8KeysBecomeAttributes() {
        assertThat(KafkaConventions.keyText(bytes("order-1"))).isEqualTo("order-1");
        assertThat(KafkaConventions.keyText(null)).isNull();
        assertThat(KafkaConventions.keyText(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isNull();
        assertThat(KafkaConventions.keyText(new byte[] {1, 2, 3})).isNull();
        assertThat(KafkaConventions.keyText(new byte[200])).isNull();
    }

    @Test
    void carrierReplacesAnEarlierHeaderOfTheSameName() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaObservationKeys.TRACEPARENT, bytes("old"));

        KafkaHeadersCarrier.SETTER.set(headers, KafkaObservationKeys.TRACEPARENT, "new");

        assertThat(headers.headers(KafkaObservationKeys.TRACEPARENT)).hasSize(1);
        assertThat(KafkaHeadersCarrier.GETTER.get(headers, KafkaObservationKeys.TRACEPARENT))
                .isEqualTo("new");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
