package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code topics plan|apply} take the retry-tier and dead-letter topics a config file implies. */
class TopicsSelectionTest {

    private static final KafkaSdkConfig CONFIG =
            KafkaSdkConfig.loader().environment(Map.of()).yaml("""
                    cluster:
                      bootstrap-servers: b:9092
                    consumers:
                      billing:
                        group-id: billing
                        retry-topics: [5s]
                        topics: [orders]
                    topics:
                      orders:
                        partitions: 6
                      audit:
                        partitions: 1
                    """).load();

    private static List<String> select(String... topics) {
        TopicsCommand.SpecSelection selection = new TopicsCommand.SpecSelection();
        selection.topics = List.of(topics);
        return selection.select(CONFIG, new CommandLine(new TopicsCommand()).getCommandSpec()).stream()
                .map(TopicSpec::name)
                .toList();
    }

    @Test
    void everyTopicIncludesTheDerivedTierAndDeadLetterTopics() {
        assertThat(select()).containsExactly("orders", "audit", "orders-retry-5s", "orders.DLT");
    }

    @Test
    void aSelectedMainTopicBringsItsDerivedTopicsAndAnotherDoesNot() {
        assertThat(select("orders")).containsExactly("orders", "orders-retry-5s", "orders.DLT");
        assertThat(select("audit")).containsExactly("audit");
    }
}
