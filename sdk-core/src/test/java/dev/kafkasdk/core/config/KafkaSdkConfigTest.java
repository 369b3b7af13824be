package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSdkConfigTest {

    static final ClusterSettings CLUSTER = ClusterSettings.of("broker1:9092");

    @Test
    void unknownClientNameNamesTheKnownOnesWithASuggestion() {
        KafkaSdkConfig config = KafkaSdkConfig.builder()
                .cluster(CLUSTER)
                .producer("orders", b -> {})
                .producer("payments", b -> {})
                .build();

        assertThatThrownBy(() -> config.producer("ordres"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("producers.ordres: no producer named 'ordres'; known: orders, payments; "
                        + "did you mean orders?");
        assertThatThrownBy(() -> config.consumer("x")).hasMessageContaining("no consumer named 'x'; none is declared");
        assertThatThrownBy(() -> config.topic("x")).isInstanceOf(ConfigException.class);
    }

    @Test
    void adminWithoutDeclarationIsDefaultValued() {
        KafkaSdkConfig config = KafkaSdkConfig.builder().cluster(CLUSTER).build();

        assertThat(config.admin().name()).isEqualTo("default");
        assertThat(config.admin().toProperties()).isEqualTo(Map.of("bootstrap.servers", "broker1:9092"));
    }

    @Test
    void builderRebasesClientsOntoItsClusterAndMarksValuesAsCode() {
        ProducerSettings elsewhere = ProducerSettings.builder()
                .name("p")
                .cluster(ClusterSettings.of("other:9092"))
                .linger(Duration.ZERO)
                .build();

        KafkaSdkConfig config = KafkaSdkConfig.builder()
                .cluster(CLUSTER)
                .producer(elsewhere)
                .topic(TopicSpec.builder("t").partitions(3).build())
                .build();

        assertThat(config.producer("p").cluster()).isEqualTo(CLUSTER);
        assertThat(config.producer("p").toProperties()).containsEntry("bootstrap.servers", "broker1:9092");
        assertThat(config.producer("p").origin("linger.ms")).isEqualTo(Origin.CODE);
        assertThat(config.topic("t").partitions()).hasValue(3);
    }

    @Test
    void loaderMergesSourcesWithLaterOnesWinning() {
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .environment(Map.of())
                .yaml("cluster: { bootstrap-servers: a:9092 }\nproducers: { p: { linger: 5ms, acks: all } }\n")
                .properties("producers.p.linger=7ms\n")
                .json("{\"consumers\": {\"c\": {\"group-id\": \"g\"}}}")
                .load();

        assertThat(config.producer("p").linger()).hasMillis(7);
        assertThat(config.producer("p").acks()).isEqualTo(Acks.ALL);
        assertThat(config.consumer("c").groupId()).hasValue("g");
    }

    @Test
    void loadTakesTheFormatFromTheExtension(@TempDir Path dir) throws IOException {
        Path yml = Files.writeString(dir.resolve("app.yml"), "cluster:\n  bootstrap-servers: a:9092\n");
        Path props = Files.writeString(dir.resolve("app.properties"), "cluster.bootstrap-servers=b:9092\n");

        assertThat(KafkaSdkConfig.load(yml).cluster().bootstrapServers()).containsExactly("a:9092");
        assertThat(KafkaSdkConfig.load(props).cluster().bootstrapServers()).containsExactly("b:9092");
        assertThatThrownBy(() -> KafkaSdkConfig.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("missing.yaml: cannot be read: NoSuchFileException");
    }

    @Test
    void propertiesSupportContinuationsEscapesAndComments() {
        KafkaSdkConfig config =
                KafkaSdkConfig.loader().environment(Map.of()).properties("""
                # comment
                ! another comment
                cluster.bootstrap-servers = a:9092,\\
                    b:9092
                producers.p.transactional-id : tx\\u002d1
                producers.p.client-id app\\ one
                """).load();

        assertThat(config.cluster().bootstrapServers()).containsExactly("a:9092", "b:9092");
        assertThat(config.producer("p").transactionalId()).hasValue("tx-1");
        assertThat(config.producer("p").clientId()).hasValue("app one");
    }

    @Test
    void assignOnlyConsumerNeedsNoGroupId() {
        ConsumerSettings consumer = ConsumerSettings.builder().cluster(CLUSTER).build();

        assertThat(consumer.groupId()).isEmpty();
        assertThat(consumer.toProperties()).doesNotContainKey("group.id").containsEntry("enable.auto.commit", "false");
    }

    @Test
    void describeOfTheRootListsClustersClientsAndTopics() {
        KafkaSdkConfig config = KafkaSdkConfig.builder()
                .cluster(CLUSTER)
                .consumer("c", b -> b.groupId("g"))
                .topic(TopicSpec.builder("t")
                        .partitions(2)
                        .cleanupPolicy(CleanupPolicy.COMPACT)
                        .build())
                .build();

        assertThat(config.describe())
                .contains(
                        "cluster {bootstrap.servers=broker1:9092}",
                        "consumer 'c'",
                        "admin 'default'",
                        "topic 't' partitions=2 replication-factor=(broker default) "
                                + "configs={cleanup.policy=compact}");
    }
}
