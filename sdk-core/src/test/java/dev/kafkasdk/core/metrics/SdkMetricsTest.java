package dev.kafkasdk.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SdkMetricsTest {

    @Test
    void metersGetThePrefixAndCommonTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SdkMetrics metrics = SdkMetrics.of(registry, Tags.of("app", "orders"));

        metrics.counter("records.sent", "topic", "t").increment(3);
        metrics.timer("send.latency").record(Duration.ofMillis(5));
        metrics.summary("batch.records").record(10);

        assertThat(registry.get("kafka.sdk.records.sent")
                        .tags("app", "orders", "topic", "t")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get("kafka.sdk.send.latency")
                        .tag("app", "orders")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("kafka.sdk.batch.records").summary().totalAmount())
                .isEqualTo(10.0);
        assertThat(metrics.counter("kafka.sdk.records.sent", "topic", "t").count())
                .isEqualTo(3.0);
        assertThat(metrics.isEnabled()).isTrue();
    }

    @Test
    void oddTagListsAreRejected() {
        SdkMetrics metrics = SdkMetrics.of(new SimpleMeterRegistry());

        assertThatThrownBy(() -> metrics.counter("x", "lonely")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noopCreatesNoMetersAndReturnsSharedInstances() {
        SdkMetrics noop = SdkMetrics.noop();

        noop.counter("a").increment();
        noop.timer("b").record(Duration.ofSeconds(1));

        assertThat(noop.isEnabled()).isFalse();
        assertThat(noop.counter("a")).isSameAs(noop.counter("z", "k", "v"));
        assertThat(noop.timer("b")).isSameAs(noop.timer("c"));
        assertThat(noop.counter("a").count()).isZero();
        try (SdkMetrics.Binding binding = noop.bindClientMetrics(
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()))) {
            assertThat(binding).isNotNull();
        }
    }

    @Test
    void clientMetricsBindingPublishesKafkaMetricsAndRemovesThemOnClose() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MockProducer<String, String> producer =
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        MetricName name = new MetricName("record-send-total", "producer-metrics", "", Map.of("client-id", "p1"));
        producer.setMockMetrics(name, constant(name, 7.0));
        SdkMetrics metrics = SdkMetrics.of(registry, Tags.of("app", "orders"));

        SdkMetrics.Binding binding = metrics.bindClientMetrics(producer);

        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getName())
                .contains("kafka.producer.record.send.total");
        assertThat(registry.getMeters())
                .filteredOn(m -> m.getId().getName().equals("kafka.producer.record.send.total"))
                .allSatisfy(m -> assertThat(m.getId().getTag("app")).isEqualTo("orders"));
        binding.close();
        binding.close();
        assertThat(registry.getMeters())
                .extracting(Meter::getId)
                .extracting(Meter.Id::getName)
                .doesNotContain("kafka.producer.record.send.total");
        assertThat(registry.isClosed()).isFalse();
        assertThat(producer.closed()).isFalse();
    }

    @Test
    void adminBindingNeedsAnAdminClient() {
        Admin notAnAdminClient = (Admin) Proxy.newProxyInstance(
                Admin.class.getClassLoader(), new Class<?>[] {Admin.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> SdkMetrics.of(new SimpleMeterRegistry()).bindClientMetrics(notAnAdminClient))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an AdminClient");
    }

    private static Metric constant(MetricName name, double value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        };
    }
}
