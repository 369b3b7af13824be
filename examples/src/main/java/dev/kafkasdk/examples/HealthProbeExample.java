package dev.kafkasdk.examples;

import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.health.HealthListener;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Health for probes: a producer, a consumer and an admin report {@code health()} at
 * {@code /health/ready} and {@code /health/live} ({@link HealthEndpoint}, loopback only), and a
 * health listener prints their events (started, ready, partitions assigned, idle, stopped).
 *
 * <pre>
 *   examples/run HealthProbeExample [--records 50] [--serve] [--bootstrap-servers host:port]
 * </pre>
 * With {@code --serve} it keeps serving, clients open, until Enter is pressed:
 * {@code curl -i http://127.0.0.1:<port>/health/ready}.
 */
public final class HealthProbeExample {

    /** What the example saw. */
    public record Result(URI base, int consumed, List<HealthEvent> events) {}

    /** Called while the clients are open and the probes serve; may block. */
    @FunctionalInterface
    public interface WhileServing {
        /**
         * @param base the probes' base URI, {@code http://127.0.0.1:<port>}
         * @param consumer the running consumer, to compare its health with the answers
         * @throws Exception to abort the example
         */
        void run(URI base, SdkConsumer<String, String> consumer) throws Exception;
    }

    private HealthProbeExample() {}

    /**
     * Runs the example.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            boolean serve = kafka.args().flag("serve");
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.probed"),
                    kafka.name("probed"),
                    kafka.args().intOption("records", 50),
                    (base, consumer) -> {
                        Console.line("ready: %s", consumer.health());
                        if (serve) {
                            Console.line(
                                    "serving %s/health/ready and /health/live - try: curl -i %s/health/ready;"
                                            + " press Enter to stop",
                                    base, base);
                            System.in.read();
                        }
                    });
            Console.line(
                    "consumed %d records; %d health events",
                    result.consumed(), result.events().size());
        }
    }

    /**
     * Sends and consumes records while the three clients' probes are served over HTTP.
     *
     * @param cluster the cluster
     * @param topic the topic to create and use
     * @param groupId the consumer group
     * @param records how many records
     * @param whileServing runs once the records are consumed, while clients and probes are up
     * @return what was seen
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(
            ClusterSettings cluster, String topic, String groupId, int records, WhileServing whileServing)
            throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 2));
        Queue<HealthEvent> events = new ConcurrentLinkedQueue<>();
        Progress consumed = new Progress("records consumed", records);
        // tag::listener[]
        HealthListener listener = event -> {
            events.add(event);
            Console.line("health event %s of %s %s", event.type(), event.clientId(), event.partitions());
        };
        // end::listener[]
        try (SdkProducer<String, String> producer = SdkProducer.builder(
                                ProducerSettings.builder()
                                        .name("probed-producer")
                                        .cluster(cluster)
                                        .build(),
                                Serdes.string(),
                                Serdes.string())
                        .healthListener(listener)
                        .build();
                SdkConsumer<String, String> consumer = SdkConsumer.builder(
                                ConsumerSettings.builder()
                                        .name("probed-consumer")
                                        .cluster(cluster)
                                        .groupId(groupId)
                                        .autoOffsetReset(OffsetReset.EARLIEST)
                                        .build(),
                                Serdes.string(),
                                Serdes.string())
                        .subscribe(topic)
                        .healthListener(listener)
                        .idleEventAfter(Duration.ofSeconds(1))
                        .recordHandler(record -> consumed.add(1))
                        .build();
                SdkAdmin admin = SdkAdmin.builder(AdminSettings.builder()
                                .name("probed-admin")
                                .cluster(cluster)
                                .build())
                        .healthListener(listener)
                        .build();
                HealthEndpoint probes = HealthEndpoint.serve(List.of(producer, consumer, admin))) {
            consumer.start();
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sends.add(producer.send(topic, "key-" + i, "reading " + i));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            consumed.await(Duration.ofSeconds(60), consumer);
            admin.cluster().partitionLoad();
            whileServing.run(probes.base(), consumer);
            return new Result(probes.base(), (int) consumed.count(), List.copyOf(events));
        }
    }
}
