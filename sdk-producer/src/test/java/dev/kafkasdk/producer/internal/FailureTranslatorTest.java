package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.internal.AuthenticationRetry;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTranslatorTest {

    private static final ProducerLimits LIMITS = new ProducerLimits(
            1_048_576, 33_554_432L, 60_000L, 120_000, null, true, 10_000, 16_777_216L, 5_000L, "127.0.0.1:9092");

    private final FailureTranslator translator = new FailureTranslator("orders-1", LIMITS);

    private long nowNanos;
    private long answers;
    private final FailureTranslator passing = new FailureTranslator(
            "orders-1",
            LIMITS,
            null,
            new AuthenticationRetry("Producer", "orders-1", Duration.ofSeconds(10), () -> nowNanos),
            () -> answers);

    static Stream<Arguments> kafkaErrors() {
        return Stream.of(
                Arguments.of(new NetworkException("connection lost"), RetriableKafkaSdkException.class),
                Arguments.of(new NotEnoughReplicasException("isr 1 < 2"), RetriableKafkaSdkException.class),
                Arguments.of(new TimeoutException("expired"), RetriableKafkaSdkException.class),
                Arguments.of(new ProducerFencedException("epoch 4"), FatalKafkaSdkException.class),
                Arguments.of(new OutOfOrderSequenceException("seq 9"), FatalKafkaSdkException.class),
                Arguments.of(new TopicAuthorizationException("no WRITE"), FatalKafkaSdkException.class),
                Arguments.of(new ClusterAuthorizationException("no IDEMPOTENT_WRITE"), FatalKafkaSdkException.class),
                Arguments.of(new SaslAuthenticationException("bad password"), FatalKafkaSdkException.class),
                Arguments.of(new UnsupportedVersionException("old broker"), FatalKafkaSdkException.class),
                Arguments.of(
                        new KafkaException("in error state", new ProducerFencedException("epoch 5")),
                        FatalKafkaSdkException.class),
                Arguments.of(new RecordTooLargeException("too big"), KafkaSdkException.class),
                Arguments.of(new InvalidTopicException("bad name"), KafkaSdkException.class),
                Arguments.of(new SerializationException("bad bytes"), KafkaSdkException.class));
    }

    @ParameterizedTest
    @MethodSource("kafkaErrors")
    void mapsKafkaExceptionsToRetriableFatalOrPlain(Exception kafka, Class<? extends KafkaSdkException> expected) {
        KafkaSdkException mapped = translator.translate(kafka, "orders", 3, "order-17", false);

        assertThat(mapped).isExactlyInstanceOf(expected);
        assertThat(mapped.isRetriable()).isEqualTo(expected == RetriableKafkaSdkException.class);
        assertThat(mapped.topic()).contains("orders");
        assertThat(mapped.partition()).hasValue(3);
        assertThat(mapped.clientId()).contains("orders-1");
        assertThat(mapped.getMessage()).contains("'order-17'");
        assertThat(mapped.getCause())
                .isInstanceOf(
                        kafka.getCause() == null
                                ? kafka.getClass()
                                : kafka.getCause().getClass());
    }

    @Test
    void unknownPartitionIsLeftOut() {
        KafkaSdkException mapped = translator.translate(new NetworkException("x"), "orders", -1, null, false);

        assertThat(mapped.partition()).isEmpty();
        assertThat(mapped.getMessage()).contains("key null");
    }

    @Test
    void fullBufferNamesBufferMemoryAndMaxBlock() {
        KafkaSdkException mapped = translator.translate(
                new BufferExhaustedException(
                        "Failed to allocate 100 bytes within the configured max blocking time 60000 ms."),
                "orders",
                -1,
                "k",
                true);

        assertThat(mapped)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("buffer.memory (33554432 bytes)")
                .hasMessageContaining("max.block.ms (60000 ms)");
    }

    @Test
    void missingMetadataNamesMaxBlock() {
        KafkaSdkException mapped = translator.translate(
                new TimeoutException("Topic orders not present in metadata after 60000 ms."), "orders", -1, "k", true);

        assertThat(mapped).hasMessageContaining("max.block.ms (60000 ms)").hasMessageContaining("unreachable");
    }

    @Test
    void expiredBatchNamesDeliveryTimeout() {
        KafkaSdkException mapped =
                translator.translate(new TimeoutException("Expiring 3 records"), "orders", 0, "k", false);

        assertThat(mapped).hasMessageContaining("delivery.timeout.ms (120000 ms)");
    }

    @Test
    void closedProducerIsFatalAndSaysSo() {
        KafkaSdkException mapped = translator.translate(
                new IllegalStateException("Cannot perform operation after producer has been closed"),
                "orders",
                -1,
                "k",
                true);

        assertThat(mapped).isInstanceOf(FatalKafkaSdkException.class).hasMessageContaining("the producer is closed");
    }

    @Test
    void anAuthenticationFailureBeforeTheClusterAnsweredIsFatal() {
        KafkaSdkException mapped =
                passing.translate(new SaslAuthenticationException("invalid_client"), "orders", 0, "k", false);

        assertThat(mapped).isInstanceOf(FatalKafkaSdkException.class).hasMessageContaining("invalid_client");
        assertThat(passing.authenticationFailing()).isNull();
    }

    @Test
    void anAuthenticationFailureAfterAnAnswerIsRetriableUntilTheTimeoutThenFatal() {
        answers = 1_000;
        SaslAuthenticationException expired = new SaslAuthenticationException("invalid_token");

        KafkaSdkException first = passing.translate(expired, "orders", 2, "k", false);

        assertThat(first)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasCause(expired)
                .hasMessageContaining("invalid_token", "counts as passing", "cluster.authentication-retry-timeout");
        assertThat(first.partition()).hasValue(2);
        assertThat(passing.authenticationFailing()).isSameAs(expired);

        nowNanos += Duration.ofSeconds(10).toNanos();
        KafkaSdkException last = passing.translate(expired, "orders", 2, "k", false);

        assertThat(last)
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining(
                        "Send to topic 'orders'", "2 times over 10s", "cluster.authentication-retry-timeout (10s)");
    }

    @Test
    void anAnswerAfterTheFailureEndsTheRunForHealth() {
        answers = 1_000;
        passing.translate(new SaslAuthenticationException("invalid_token"), "orders", 0, "k", false);

        answers = 1_001;

        assertThat(passing.authenticationFailing()).isNull();
    }

    @Test
    void keysAreRenderedByToStringShortenedAndBytesByLength() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000042");

        assertThat(FailureTranslator.renderKey(id)).isEqualTo("'" + id + "'");
        assertThat(FailureTranslator.renderKey(new byte[12])).isEqualTo("byte[12]");
        assertThat(FailureTranslator.renderKey("x".repeat(500))).hasSize(125).endsWith("...'");
    }
}
