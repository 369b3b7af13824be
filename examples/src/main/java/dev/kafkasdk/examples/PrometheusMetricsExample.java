package dev.kafkasdk.examples;

import com.sun.net.httpserver.HttpServer;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Client metrics at a Prometheus endpoint: an SDK producer and consumer are bound to one
 * {@link PrometheusMeterRegistry} (kafka-clients' own metrics plus the SDK's send, processing and
 * lag meters), which the JDK's {@link HttpServer} serves at {@code /metrics} on a free port. The
 * example scrapes its own endpoint like Prometheus would.
 *
 * <pre>
 *   examples/run PrometheusMetricsExample [--records 200] [--serve] [--bootstrap-servers host:port]
 * </pre>
 * With {@code --serve} it keeps serving, clients open, until Enter is pressed.
 */
public final class PrometheusMetricsExample {

    /** What the scrape returned. */
    public record Result(URI endpoint, int sent, int consumed, String scrape) {
        /**
         * The sample lines of the scrape whose metric name starts with a prefix.
         *
         * @param prefix e.g. {@code kafka_sdk_producer}
         * @return the matching lines, comments excluded
         */
        public List<String> lines(String prefix) {
            return scrape.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** Called while the clients are open and the endpoint serves; may block. */
    @FunctionalInterface
    public interface WhileServing {
        /**
         * @param endpoint the metrics URL
         * @throws Exception to abort the example
         */
        void run(URI endpoint) throws Exception;
    }

    private PrometheusMetricsExample() {}

    /**
     * Runs the example and prints the SDK's meters from the scrape.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            boolean serve = kafka.args().flag("serve");
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.metered"),
                    kafka.name("metered"),
                    kafka.args().intOption("records", 200),
                    endpoint -> {
                        if (serve) {
                            Console.line(
                                    "serving %s - try: curl -s %s | grep kafka_sdk; press Enter to stop",
                                    endpoint, endpoint);
                            System.in.read();
                        }
                    });
            Console.line(
                    "scraped %s: %d lines, among them:",
                    result.endpoint(), result.scrape().lines().count());
            for (String meter : List.of(
                    "kafka_sdk_producer_records_sent_total",
                    "kafka_sdk_producer_send_seconds_count",
                    "kafka_sdk_consumer_records_processed_total",
                    "kafka_sdk_consumer_commit_latency_seconds_count",
                    "kafka_producer_record_send_total",
                    "kafka_consumer_fetch_manager_records_consumed_total")) {
                result.lines(meter + "{").forEach(l -> Console.line("  %s", l));
            }
            Console.line(
                    "  ... %d kafka_sdk_* samples, %d kafka-clients producer and %d consumer samples in all",
                    result.lines("kafka_sdk_").size(),
                    result.lines("kafka_producer_").size(),
                    result.lines("kafka_consumer_").size());
        }
    }

    /**
     * Sends and consumes records with metrics bound to a Prometheus registry, serves it over HTTP and
     * scrapes it once.
     *
     * @param cluster      the cluster
     * @param topic        the topic to create and use
     * @param groupId      the consumer group
     * @param records      how many records
     * @param whileServing runs after the scrape, while clients and endpoint are still up
     * @return the scrape
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(
            ClusterSettings cluster, String topic, String groupId, int records, WhileServing whileServing)
            throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 3));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server = serve(registry);
        URI endpoint = URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/metrics");
        Tags tags = Tags.of("app", "metrics-example");
        ProducerSettings producerSettings = ProducerSettings.builder()
                .name("metered-producer")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .build();
        ConsumerSettings consumerSettings = ConsumerSettings.builder()
                .name("metered-consumer")
                .cluster(cluster)
                .groupId(groupId)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Progress consumed = new Progress("records consumed", records);
        // tag::metrics[]
        try (SdkProducer<String, String> producer = SdkProducer.builder(
                                producerSettings, Serdes.string(), Serdes.string())
                        .metrics(registry, tags)
                        .build();
                SdkConsumer<String, String> consumer = SdkConsumer.builder(
                                consumerSettings, Serdes.string(), Serdes.string())
                        .subscribe(topic)
                        .commitMode(CommitMode.syncPerBatch())
                        .metrics(registry, tags)
                        .recordHandler(record -> consumed.add(1))
                        .build()) {
            // end::metrics[]
            consumer.start();
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sends.add(producer.send(topic, "key-" + i, "reading " + i));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            consumed.await(Duration.ofSeconds(60), consumer);
            String scrape = scrape(endpoint);
            whileServing.run(endpoint);
            return new Result(endpoint, records, (int) consumed.count(), scrape);
        } finally {
            server.stop(0);
            registry.close();
        }
    }

    private static HttpServer serve(PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String scrape(URI endpoint) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + endpoint + " answered " + response.statusCode());
        }
        return response.body();
    }
}
