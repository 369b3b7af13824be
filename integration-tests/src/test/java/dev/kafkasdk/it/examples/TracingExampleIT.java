package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.TracingExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

@KafkaBroker
class TracingExampleIT {

    @Test
    void oneOrdersJourneyThroughRetriesAndTheDeadLetterTopicIsOneTrace(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("traced-orders");

        TracingExample.Result result = TracingExample.run(ClusterReads.clusterOf(kafka), topic, topic + "-group");

        List<TracingExample.FinishedSpan> spans = result.spans();
        assertThat(spans)
                .extracting(TracingExample.FinishedSpan::name)
                .containsExactlyInAnyOrder(
                        "checkout",
                        "send " + topic,
                        "process " + topic,
                        "process " + topic,
                        "process " + topic,
                        "send " + topic + ".DLT",
                        "process " + topic + ".DLT");
        assertThat(spans)
                .extracting(TracingExample.FinishedSpan::traceId)
                .containsOnly(spans.get(0).traceId());
        assertThat(result.format()).contains("checkout", "attempt 3 failure", "process " + topic + ".DLT");
    }
}
