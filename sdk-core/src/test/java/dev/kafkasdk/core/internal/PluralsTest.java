package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralsTest {

    @Test
    void oneIsSingularEveryOtherCountIsPlural() {
        assertThat(Plurals.count(1, "record")).isEqualTo("1 record");
        assertThat(Plurals.count(2, "record")).isEqualTo("2 records");
        assertThat(Plurals.count(0, "finding")).isEqualTo("0 findings");
        assertThat(Plurals.count(3, "match")).isEqualTo("3 matches");
        assertThat(Plurals.count(1, "replica", "replicas")).isEqualTo("1 replica");
        assertThat(Plurals.noun(5, "broker")).isEqualTo("brokers");
    }
}
