package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.PrometheusMetricsExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@KafkaBroker
class PrometheusMetricsExampleIT {

    private static final int RECORDS = 120;

    @Test
    void scrapedTextHoldsTheSdkAndKafkaClientMetricsOfBothClients(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("metered");
        AtomicReference<String> scrapedByTest = new AtomicReference<>();

        PrometheusMetricsExample.Result result = PrometheusMetricsExample.run(
                ClusterReads.clusterOf(kafka),
                topic,
                topic + "-group",
                RECORDS,
                endpoint -> scrapedByTest.set(get(endpoint)));

        assertThat(result.consumed()).isEqualTo(RECORDS);
        assertThat(result.endpoint().getHost()).isIn("127.0.0.1", "localhost");
        assertThat(result.lines("kafka_sdk_producer_records_sent_total"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("app=\"metrics-example\"", "topic=\"" + topic + "\"")
                        .endsWith(" " + RECORDS + ".0"));
        assertThat(result.lines("kafka_sdk_consumer_records_processed_total"))
                .anySatisfy(line ->
                        assertThat(line).contains("app=\"metrics-example\"").endsWith(" " + RECORDS + ".0"));
        assertThat(result.lines("kafka_sdk_producer_send_seconds_count")).isNotEmpty();
        assertThat(result.lines("kafka_producer_"))
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("app=\"metrics-example\""));
        assertThat(result.lines("kafka_consumer_")).isNotEmpty();
        // a second scrape over HTTP, made while the clients were still open, sees the same meters
        assertThat(scrapedByTest.get()).contains("kafka_sdk_producer_records_sent_total", "kafka_consumer_");
    }

    private static String get(URI endpoint) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return response.body();
    }
}
