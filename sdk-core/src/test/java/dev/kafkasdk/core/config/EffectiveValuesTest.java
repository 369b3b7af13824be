package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EffectiveValuesTest {

    static final ClusterSettings CLUSTER = ClusterSettings.of("broker1:9092");

    @Test
    void effectiveValueIsExplicitThenRawThenPresetThenSdkDefaultThenKafkaDefault() {
        ProducerSettings p = ProducerSettings.builder()
                .cluster(CLUSTER)
                .preset(ProducerPreset.DURABLE)
                .linger(Duration.ofMillis(7))
                .property("max.block.ms", "1234")
                .build();

        assertThat(p.effective(ProducerKeys.LINGER)).contains(Duration.ofMillis(7));
        assertThat(p.effective(ProducerKeys.MAX_BLOCK)).contains(Duration.ofMillis(1234));
        assertThat(p.effective(ProducerKeys.DELIVERY_TIMEOUT)).contains(Duration.ofSeconds(300));
        assertThat(p.effective(ProducerKeys.REQUEST_TIMEOUT)).contains(Duration.ofSeconds(30));
        assertThat(p.effective(ProducerKeys.MAX_REQUEST_SIZE)).contains(ByteSize.ofMebibytes(1));
        assertThat(p.effective(ProducerKeys.TRANSACTIONAL_ID)).isEmpty();
        assertThat(p.get(ProducerKeys.MAX_BLOCK)).isEmpty();
    }

    @Test
    void consumerEffectiveValuesCountRawPropertiesAndTheGroupProtocol() {
        ConsumerSettings c = ConsumerSettings.builder()
                .cluster(CLUSTER)
                .groupId("g")
                .property("group.protocol", "consumer")
                .property("max.poll.interval.ms", "60000")
                .build();

        assertThat(c.groupProtocol()).isEqualTo(GroupProtocol.CONSUMER);
        assertThat(c.assignmentStrategy()).isEmpty();
        assertThat(c.effective(ConsumerKeys.MAX_POLL_INTERVAL)).contains(Duration.ofMinutes(1));
        assertThat(c.effective(ConsumerKeys.MAX_POLL_RECORDS)).contains(500);
        assertThat(c.effective(ConsumerKeys.SESSION_TIMEOUT)).contains(Duration.ofSeconds(45));
        assertThat(c.effective(ConsumerKeys.ENABLE_AUTO_COMMIT)).contains(false);
        assertThat(c.describe()).doesNotContain("session.timeout.ms").doesNotContain("partition.assignment.strategy");
    }

    @Test
    void genericSettersAndGettersAcceptOnlyTheirOwnTable() {
        ProducerSettings p = ProducerSettings.builder()
                .cluster(CLUSTER)
                .set(ProducerKeys.LINGER, Duration.ofMillis(3))
                .build();

        assertThat(p.linger()).isEqualTo(Duration.ofMillis(3));
        assertThat(p.origins()).containsEntry("linger", Origin.CODE);
        assertThatThrownBy(() -> ProducerSettings.builder().set(ConsumerKeys.REQUEST_TIMEOUT, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumers.<name>.request-timeout");
        assertThatThrownBy(() -> p.get(AdminKeys.CLIENT_ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySettingsTypeComparesByValueAndPrintsNoSecret() {
        SecuritySettings security = SecuritySettings.builder()
                .protocol(SecurityProtocol.SASL_SSL)
                .sasl(SaslSettings.builder()
                        .mechanism(SaslMechanism.PLAIN)
                        .username("u")
                        .password(Secret.of("hunter2"))
                        .build())
                .build();
        ClusterSettings a = ClusterSettings.builder()
                .bootstrapServers("b:9092")
                .security(security)
                .build();
        ClusterSettings b = ClusterSettings.from(a).origin(Origin.FILE).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("SASL_SSL").doesNotContain("hunter2");
        assertThat(ClusterSettings.from(a).clientIdPrefix("x").build()).isNotEqualTo(a);
        assertThat(TopicSpec.builder("t").partitions(3).build())
                .isEqualTo(TopicSpec.builder("t").partitions(3).build());
    }
}
