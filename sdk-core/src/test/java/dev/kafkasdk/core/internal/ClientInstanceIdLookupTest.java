package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class ClientInstanceIdLookupTest {

    private static ClusterSettings cluster(Duration timeout, boolean tag) {
        return ClusterSettings.builder()
                .bootstrapServers("b:9092")
                .clientInstanceIdTimeout(timeout)
                .clientInstanceIdTag(tag)
                .build();
    }

    @Test
    void anIdFromTheClientIsAvailableInTheSnapshotAndAsAnInfoMeterWhenTheTagIsAskedFor() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Uuid id = Uuid.randomUuid();
        ClientInstanceIdLookup lookup = ClientInstanceIdLookup.create(
                "orders-1", cluster(Duration.ofSeconds(5), true), SdkMetrics.of(registry));

        assertThat(lookup.snapshot()).isEqualTo(ClientInstanceId.pending());
        lookup.lookUpInBackground(timeout -> id, "lookup");

        assertThat(lookup.await(Duration.ofSeconds(5))).isEqualTo(id);
        assertThat(lookup.snapshot()).isEqualTo(ClientInstanceId.available(id.toString()));
        assertThat(registry.get(ClientInstanceIdLookup.METER)
                        .tag("client.id", "orders-1")
                        .tag("client.instance.id", id.toString())
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void noIdWithinTheTimeoutIsUnavailableAndLaterCallsFailAtOnceNamingTheFeatureThePluginAndTheFix() {
        ClientInstanceIdLookup lookup =
                ClientInstanceIdLookup.create("orders-1", cluster(Duration.ofMillis(200), false), SdkMetrics.noop());
        long start = System.nanoTime();

        lookup.poll(timeout -> null);
        assertThat(lookup.isDone()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            lookup.poll(timeout -> null);
            assertThat(lookup.isDone()).isTrue();
        });

        assertThat(lookup.snapshot().status()).isEqualTo(ClientInstanceId.Status.UNAVAILABLE);
        assertThat(lookup.snapshot().reason().orElseThrow())
                .contains("KIP-714 client metrics")
                .contains("orders-1")
                .contains("within 200 ms")
                .contains("metric.reporters")
                .contains("ClientTelemetryExporterProvider")
                .contains("Kafka 3.7")
                .contains("Fix:");
        long before = System.nanoTime();
        assertThatThrownBy(() -> lookup.await(Duration.ofSeconds(30)))
                .isInstanceOf(ClientTelemetryUnavailableException.class)
                .hasMessageContaining("KIP-714 client metrics");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(before - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void telemetryTurnedOffInTheClientIsUnavailableAtOnceWithTheSettingToChange() {
        ClientInstanceIdLookup lookup =
                ClientInstanceIdLookup.create("admin-1", cluster(Duration.ofSeconds(30), false), SdkMetrics.noop());

        lookup.poll(timeout -> {
            throw new IllegalStateException("Telemetry is not enabled. Set config `enable.metrics.push` to `true`.");
        });

        assertThat(lookup.isDone()).isTrue();
        assertThat(lookup.snapshot().reason().orElseThrow()).contains("enable.metrics.push: true");
        assertThatThrownBy(() -> lookup.await(Duration.ZERO)).hasMessageContaining("enable.metrics.push");
    }

    @Test
    void anExplicitCallWhileStillPendingWaitsOnlyItsOwnBound() {
        ClientInstanceIdLookup lookup =
                ClientInstanceIdLookup.create("orders-1", cluster(Duration.ofMinutes(1), false), SdkMetrics.noop());
        long before = System.nanoTime();

        assertThatThrownBy(() -> lookup.await(Duration.ofMillis(100)))
                .isInstanceOf(ClientTelemetryUnavailableException.class)
                .hasMessageContaining("within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> lookup.await(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
