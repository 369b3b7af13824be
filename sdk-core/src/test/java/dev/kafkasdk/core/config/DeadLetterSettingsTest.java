package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The consumer's dead-letter settings of issue 14: a named producer, the bound, topic creation, bad values. */
class DeadLetterSettingsTest {

    private static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    private static KafkaSdkConfig load(String yaml) {
        return KafkaSdkConfig.loader().yaml(CLUSTER + yaml).load();
    }

    @Test
    void defaultsAreTheConsumersClusterThirtySecondsAndNoCreation() {
        ConsumerSettings s = load("consumers:\n  billing:\n    group-id: g\n").consumer("billing");

        assertThat(s.deadLetterProducerName()).isEmpty();
        assertThat(s.deadLetterProducer()).isEmpty();
        assertThat(s.deadLetterTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.createDeadLetterTopics()).isFalse();
        assertThat(s.toProperties())
                .doesNotContainKeys("dead-letter-producer", "dead-letter-timeout", "create-dead-letter-topics");
    }

    @Test
    void theNamedProducerIsResolvedWithItsOwnMaxBlock() {
        KafkaSdkConfig config = load("producers:\n  dlt:\n    max-block: 2s\n    acks: all\n"
                + "consumers:\n  billing:\n    group-id: g\n    dead-letter-producer: dlt\n"
                + "    dead-letter-timeout: 5s\n    create-dead-letter-topics: true\n");

        ConsumerSettings s = config.consumer("billing");

        assertThat(s.deadLetterProducerName()).contains("dlt");
        assertThat(s.deadLetterProducer()).contains(config.producer("dlt"));
        assertThat(s.deadLetterProducer().orElseThrow().toProperties()).containsEntry("max.block.ms", "2000");
        assertThat(s.deadLetterTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.createDeadLetterTopics()).isTrue();
    }

    @Test
    void aProducerNameThatIsNotDeclaredIsRejectedWithTheDeclaredOnesAndASuggestion() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> load("producers:\n  dead-letters:\n    acks: all\n"
                        + "consumers:\n  billing:\n    group-id: g\n    dead-letter-producer: dead-leters\n"));

        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("consumers.billing.dead-letter-producer"));
        assertThat(e.getMessage())
                .contains("dead-leters")
                .contains("names no producer")
                .contains("declared: dead-letters")
                .contains("did you mean");
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsValid() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> load("consumers:\n  billing:\n    group-id: g\n    dead-letter-timeout: 0s\n"
                        + "    create-dead-letter-topics: maybe\n    dead-letter-producer: \" \"\n"));

        assertThat(e.problems())
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.dead-letter-timeout");
                    assertThat(p.toString()).contains("0ms").contains("more than zero");
                })
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.create-dead-letter-topics");
                    assertThat(p.toString()).contains("maybe").contains("true");
                })
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.dead-letter-producer");
                    assertThat(p.toString()).contains("must not be blank");
                });
    }

    @Test
    void codeAttachesTheProducerDirectly() {
        ClusterSettings cluster = ClusterSettings.of("b:9092");
        ProducerSettings dlt = ProducerSettings.builder()
                .name("dlt")
                .cluster(cluster)
                .maxBlock(Duration.ofSeconds(1))
                .build();

        ConsumerSettings s = ConsumerSettings.builder()
                .cluster(cluster)
                .groupId("g")
                .deadLetterProducer(dlt)
                .deadLetterTimeout(Duration.ofSeconds(3))
                .build();

        assertThat(s.deadLetterProducerName()).contains("dlt");
        assertThat(s.deadLetterProducer()).contains(dlt);
        assertThat(KafkaSdkConfig.builder()
                        .cluster(cluster)
                        .consumer(s)
                        .build()
                        .consumer("default")
                        .deadLetterProducer())
                .contains(dlt);
    }
}
