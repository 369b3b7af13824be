package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerKeys;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import org.junit.jupiter.api.Test;

class DeadLetterBuilderTest {

    @Test
    void aDeadLetterProducerNameThatWasNeverResolvedIsAProblemSayingHowToResolveIt() {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("orders")
                .cluster(ClusterSettings.of("b:9092"))
                .groupId("g")
                .set(ConsumerKeys.DEAD_LETTER_PRODUCER, "dlt")
                .build();

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe("orders")
                        .recordHandler(record -> {})
                        .build());

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("consumers.orders.dead-letter-producer");
            assertThat(p.value()).isEqualTo("dlt");
            assertThat(p.reason()).contains("KafkaSdkConfig.consumer(name)").contains("deadLetterProducer(");
        });
    }

    @Test
    void deadLetterActionWithoutAnyPublisherIsStillRejected() {
        ConsumerSettings settings = ConsumerSettings.builder()
                .cluster(ClusterSettings.of("b:9092"))
                .groupId("g")
                .build();

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe("orders")
                        .failurePolicy(FailurePolicy.noRetry(FailureAction.DEAD_LETTER))
                        .recordHandler(record -> {})
                        .build());

        assertThat(e.getMessage()).contains("deadLettersToKafka()");
    }
}
