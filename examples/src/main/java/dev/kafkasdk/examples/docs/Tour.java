package dev.kafkasdk.examples.docs;

// tag::imports[]
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.examples.Order;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
// end::imports[]

/**
 * The README's tour as one compiled class: every Java block of the tour is a tagged region of this
 * file, and {@code DocsSnippetsTest} fails when the README's copy differs. {@code TourIT} runs it
 * against a real broker.
 */
public final class Tour {

    private final List<Order> stored = new CopyOnWriteArrayList<>();
    private final CountDownLatch arrived;

    private Tour(int orders) {
        this.arrived = new CountDownLatch(orders);
    }

    /**
     * Loads the tour's config, sends {@code orders} orders to {@code topic} and consumes them back,
     * committing each batch after it is stored.
     *
     * @param configFile  the tour's config file
     * @param environment the environment for {@code ${VAR}} substitution and overrides
     * @param topic       an existing topic
     * @param orders      how many orders to send
     * @param timeout     how long the sends and the consumption may take, each
     * @return the orders the consumer stored, in the order it stored them
     * @throws Exception when the config is invalid, a send fails, or the orders do not arrive in time
     */
    public static List<Order> run(
            Path configFile, Map<String, String> environment, String topic, int orders, Duration timeout)
            throws Exception {
        Tour tour = new Tour(orders);
        // tag::load[]
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .file(configFile) // YAML, JSON or .properties: one model
                .environment(environment) // ${VAR} substitution and KAFKA_SDK_... overrides
                .load(); // every problem at once, or one ConfigException
        // end::load[]
        List<Order> sample = java.util.stream.IntStream.range(0, orders)
                .mapToObj(Order::sample)
                .toList();
        CompletableFuture.allOf(send(config, topic, sample)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (SdkConsumer<String, Order> consumer = tour.consume(config, topic)) {
            if (!tour.arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("stored " + tour.stored.size() + " of " + orders + " orders");
            }
        }
        return List.copyOf(tour.stored);
    }

    private static CompletableFuture<?>[] send(KafkaSdkConfig config, String topic, List<Order> orders) {
        // tag::produce[]
        List<CompletableFuture<SendResult>> sent = new ArrayList<>();
        try (SdkProducer<String, Order> producer =
                SdkProducer.create(config.producer("orders"), Serdes.string(), Serdes.json(Order.class))) {
            for (Order order : orders) {
                sent.add(producer.send(OutgoingRecord.of(topic, order.id(), order)) // never blocks the caller
                        .whenComplete((result, failure) -> {
                            if (failure != null) { // names topic, partition, key and the cause
                                System.err.println("not stored: " + failure.getMessage());
                            }
                        }));
            }
        } // close() waits for what is in flight
        // end::produce[]
        return sent.toArray(CompletableFuture<?>[]::new);
    }

    /**
     * The tour's config file as the README shows it ({@code docs/tour.yaml} on the classpath).
     *
     * @return the YAML text
     * @throws java.io.IOException if the resource cannot be read
     */
    public static String yaml() throws java.io.IOException {
        try (var in = Tour.class.getResourceAsStream("/docs/tour.yaml")) {
            if (in == null) {
                throw new java.io.FileNotFoundException("docs/tour.yaml is not on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private SdkConsumer<String, Order> consume(KafkaSdkConfig config, String topic) {
        // tag::consume[]
        SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        config.consumer("billing"), Serdes.string(), Serdes.json(Order.class))
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch()) // commits after the handler returns, never before
                .batchHandler(batch -> batch.forEach(record -> store(record.value())))
                .build();
        consumer.start(); // its own poll thread; close(Duration) stops it
        // end::consume[]
        return consumer;
    }

    private void store(Order order) {
        stored.add(order);
        arrived.countDown();
    }
}
