package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.examples.HealthEndpoint;
import dev.kafkasdk.examples.HealthProbeExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The health probes of the example answer over HTTP from the clients' real state. */
@KafkaBroker
class HealthProbeExampleIT {

    private static final int RECORDS = 40;

    @Test
    void probesAnswerReadyAndLiveWithEachClientsSnapshot(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("probed");
        AtomicReference<HttpResponse<String>> ready = new AtomicReference<>();
        AtomicReference<HttpResponse<String>> live = new AtomicReference<>();
        AtomicReference<String> consumerId = new AtomicReference<>();

        HealthProbeExample.Result result = HealthProbeExample.run(
                ClusterReads.clusterOf(kafka), topic, topic + "-group", RECORDS, (base, consumer) -> {
                    consumerId.set(consumer.clientId());
                    ready.set(get(base.resolve("/health/ready")));
                    live.set(get(base.resolve("/health/live")));
                });

        assertThat(result.consumed()).isEqualTo(RECORDS);
        assertThat(result.base().getHost()).isIn("127.0.0.1", "localhost");
        assertThat(ready.get().statusCode()).isEqualTo(200);
        assertThat(live.get().statusCode()).isEqualTo(200);
        assertThat(ready.get().body())
                .contains("\"clientId\":\"" + consumerId.get() + "\",\"status\":\"READY\",\"state\":\"RUNNING\"")
                .contains("\"" + topic + "-0\"", "\"" + topic + "-1\"")
                .doesNotContain("\"lastContact\":null");
        assertThat(result.events().stream().map(HealthEvent::type))
                .contains(HealthEvent.Type.STARTED, HealthEvent.Type.PARTITIONS_ASSIGNED, HealthEvent.Type.READY);
    }

    @Test
    void aConsumerNotYetStartedIsLiveButNotReady(KafkaCluster kafka) throws Exception {
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                                ConsumerSettings.builder()
                                        .name("unstarted")
                                        .cluster(ClusterReads.clusterOf(kafka))
                                        .groupId(kafka.uniqueTopicName("unstarted") + "-group")
                                        .build(),
                                Serdes.string(),
                                Serdes.string())
                        .subscribe(kafka.uniqueTopicName("unstarted"))
                        .recordHandler(record -> {})
                        .build();
                HealthEndpoint probes = HealthEndpoint.serve(List.of(consumer))) {
            HttpResponse<String> ready = get(probes.base().resolve("/health/ready"));
            HttpResponse<String> live = get(probes.base().resolve("/health/live"));

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"STARTING\"", "\"state\":\"NEW\"");
            assertThat(live.statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return response;
    }
}
