package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.SdkProducerTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final MockKafka kafka = new MockKafka();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsSentAndFailedRecordsByTopicAndErrorAndTimesSends() {
        SdkProducer<String, String> producer =
                kafka.strings().metrics(registry, Tags.of("app", "billing")).build();
        var ok = producer.send("orders", "a", "1");
        kafka.mock.completeNext();
        ok.join();
        var failed = producer.send("orders", "b", "2");
        kafka.mock.errorNext(new NotLeaderOrFollowerException("moved"));
        failureOf(failed);
        producer.close(Duration.ofSeconds(5));

        Counter sent = registry.get("kafka.sdk.producer.records.sent")
                .tags("topic", "orders", "app", "billing", "client.id", producer.clientId())
                .counter();
        Counter failedCount = registry.get("kafka.sdk.producer.records.failed")
                .tags("topic", "orders", "error", "NotLeaderOrFollowerException")
                .counter();
        Timer latency = registry.get("kafka.sdk.producer.send")
                .tags("topic", "orders", "outcome", "success")
                .timer();
        assertThat(sent.count()).isEqualTo(1);
        assertThat(failedCount.count()).isEqualTo(1);
        assertThat(latency.count()).isEqualTo(1);
    }

    @Test
    void bindsKafkaClientMetricsAndUnbindsThemOnClose() {
        org.apache.kafka.common.MetricName name = new org.apache.kafka.common.MetricName(
                "record-send-total", "producer-metrics", "", java.util.Map.of("client-id", "x"));
        kafka.mock.setMockMetrics(name, new org.apache.kafka.common.Metric() {
            @Override
            public org.apache.kafka.common.MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return 42.0;
            }
        });
        SdkProducer<String, String> producer =
                kafka.strings().metrics(registry, Tags.empty()).build();

        assertThat(registry.find("kafka.producer.record.send.total").meters()).isNotEmpty();
        producer.close(Duration.ofSeconds(5));
        assertThat(registry.find("kafka.producer.record.send.total").meters()).isEmpty();
    }
}
