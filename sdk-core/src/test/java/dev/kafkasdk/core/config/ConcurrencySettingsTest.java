package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import org.junit.jupiter.api.Test;

/** The concurrent-processing consumer settings of issue 13: YAML binding, defaults and bad values. */
class ConcurrencySettingsTest {

    private static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    private static ConsumerSettings consumer(String body) {
        return KafkaSdkConfig.loader()
                .yaml(CLUSTER + "consumers:\n  billing:\n    group-id: g\n" + body)
                .load()
                .consumer("billing");
    }

    @Test
    void defaultsAreTodaysSequentialLoop() {
        ConsumerSettings s = consumer("");

        assertThat(s.ordering()).isEqualTo(Ordering.PARTITION);
        assertThat(s.concurrency()).isEqualTo(1);
        assertThat(s.instances()).isEqualTo(1);
        assertThat(s.maxInFlightPerPartition()).isEqualTo(1000);
        assertThat(s.concurrent()).isFalse();
        assertThat(s.toProperties()).doesNotContainKeys("ordering", "concurrency", "instances");
    }

    @Test
    void bindsEveryKeyFromYaml() {
        ConsumerSettings s = consumer("    ordering: key\n    concurrency: 64\n    max-in-flight-per-partition: 300\n"
                + "    instances: 3\n");

        assertThat(s.ordering()).isEqualTo(Ordering.KEY);
        assertThat(s.concurrency()).isEqualTo(64);
        assertThat(s.maxInFlightPerPartition()).isEqualTo(300);
        assertThat(s.instances()).isEqualTo(3);
        assertThat(s.concurrent()).isTrue();
        assertThat(s.origins()).containsKeys("ordering", "concurrency", "max-in-flight-per-partition", "instances");
    }

    @Test
    void builderSetsTheSameValues() {
        ConsumerSettings s = ConsumerSettings.builder()
                .cluster(ClusterSettings.of("b:9092"))
                .groupId("g")
                .ordering(Ordering.UNORDERED)
                .concurrency(8)
                .build();

        assertThat(s.concurrent()).isTrue();
        assertThat(s.maxInFlightPerPartition()).isEqualTo(1000);
        assertThat(ConsumerSettings.from(s).concurrency(5000).build().maxInFlightPerPartition())
                .isEqualTo(10_000);
    }

    @Test
    void rejectsAnUnknownOrderingNamingTheValidOnes() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> consumer("    ordering: random\n"));

        assertThat(e.getMessage())
                .contains("consumers.billing.ordering")
                .contains("random")
                .contains("partition")
                .contains("key")
                .contains("unordered");
    }

    @Test
    void rejectsOutOfRangeNumbersAllAtOnce() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> consumer("    concurrency: 0\n    max-in-flight-per-partition: 0\n    instances: 300\n"));

        assertThat(e.problems())
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.concurrency");
                    assertThat(p.reason()).contains("must be at least 1");
                })
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.max-in-flight-per-partition");
                    assertThat(p.reason()).contains("at least 1");
                })
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("consumers.billing.instances");
                    assertThat(p.reason()).contains("is more than 256, group members in this process");
                });
    }

    @Test
    void rejectsSeveralInstancesWithoutAGroup() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConsumerSettings.builder()
                        .cluster(ClusterSettings.of("b:9092"))
                        .instances(2)
                        .build());

        assertThat(e.getMessage()).contains("consumers.default.instances").contains("needs a group-id");
    }

    @Test
    void suggestsTheKeyForATypo() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> consumer("    concurency: 4\n"));

        assertThat(e.getMessage()).contains("concurrency");
    }
}
