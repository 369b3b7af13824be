package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.config.AcknowledgementMode;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link SdkShareConsumerBuilder}'s checks and the SDK client naming of a share consumer. */
class ShareConsumerBuilderTest {

    private static ShareConsumerSettings.Builder settings() {
        return ShareConsumerSettings.builder()
                .name("jobs")
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .groupId("g");
    }

    @Test
    void refusesImplicitAcknowledgementMissingTopicsAndHandlerInOneMessage() {
        ShareConsumerSettings implicit =
                settings().acknowledgementMode(AcknowledgementMode.IMPLICIT).build();

        assertThatThrownBy(() -> SdkShareConsumer.builder(implicit, Serdes.string(), Serdes.string())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no topics")
                .hasMessageContaining("no handler")
                .hasMessageContaining("share-consumers.jobs.acknowledgement-mode 'implicit'");
    }

    @Test
    void isBuiltStoppedWithAClientIdOfKindShareConsumer() {
        SdkShareConsumer<String, String> consumer = SdkShareConsumer.builder(
                        settings().build(), Serdes.string(), Serdes.string())
                .subscribe("t")
                .recordHandler(r -> {})
                .build();

        assertThat(consumer.state()).isEqualTo(ConsumerState.NEW);
        assertThat(consumer.clientId()).startsWith("kafka-sdk-share-consumer-jobs-");
        assertThat(consumer.stats().delivered()).isZero();
        assertThat(consumer.close(Duration.ZERO)).isTrue();
        assertThat(consumer.state()).isEqualTo(ConsumerState.STOPPED);
        assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesARecordHandlerAndABatchHandlerTogether() {
        assertThatThrownBy(() -> SdkShareConsumer.builder(settings().build(), Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .recordHandler(r -> {})
                        .batchHandler(b -> {})
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two handlers");
    }

    @Test
    void isBuiltWithABatchHandlerAlone() {
        SdkShareConsumer<String, String> consumer = SdkShareConsumer.builder(
                        settings().build(), Serdes.string(), Serdes.string())
                .subscribe("t")
                .batchHandler(b -> {})
                .build();

        assertThat(consumer.state()).isEqualTo(ConsumerState.NEW);
        assertThat(consumer.close(Duration.ZERO)).isTrue();
    }

    @Test
    void refusesANonPositivePollTimeout() {
        assertThatThrownBy(() -> SdkShareConsumer.builder(settings().build(), Serdes.string(), Serdes.string())
                        .pollTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pollTimeout");
    }
}
