package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {

    @Test
    void namesAreUniqueAcrossManyConcurrentCalls() {
        Set<String> names = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 20_000).parallel().forEach(i -> names.add(TopicNames.unique("orders")));

        assertThat(names).hasSize(20_000);
    }

    @Test
    void keepsTheReadablePrefixAndAppendsCounterAndRandomSuffix() {
        String name = TopicNames.unique("orders.v1_eu");

        assertThat(name).matches("orders\\.v1_eu-\\d+-[0-9a-z]{8}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "Test Class#method()", "ümlaut/slash\\back", ".", "..", "a:b*c?"})
    void everyNameIsAValidKafkaTopicName(String prefix) {
        String name = TopicNames.unique(prefix);

        assertThat(Topic.isValid(name)).as(name).isTrue();
        assertThat(name).doesNotContain(" ", "/", "#", ":");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyPrefixBecomesTopic(String prefix) {
        assertThat(TopicNames.unique(prefix)).startsWith("topic-");
    }

    @Test
    void longPrefixesAreShortenedToKafkasLimitKeepingTheUniquePart() {
        List<String> names = List.of(TopicNames.unique("x".repeat(400)), TopicNames.unique("x".repeat(400)));

        assertThat(names).allSatisfy(name -> {
            assertThat(name).hasSize(TopicNames.MAX_LENGTH);
            assertThat(Topic.isValid(name)).isTrue();
        });
        assertThat(names.get(0)).isNotEqualTo(names.get(1));
    }

    @Test
    void replacesIllegalCharactersWithDashes() {
        assertThat(TopicNames.sanitize("a b/c")).isEqualTo("a-b-c");
    }
}
