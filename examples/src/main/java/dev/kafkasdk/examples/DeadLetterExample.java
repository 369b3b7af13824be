package dev.kafkasdk.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Poison pills and failing records go to a dead-letter topic instead of stopping the consumer:
 * values that are not valid JSON never reach the handler (reason {@code DESERIALIZATION}); an order
 * the handler rejects as invalid is dead-lettered at once (not retriable); a transient failure is
 * retried with backoff and then succeeds. Each dead letter keeps the original bytes and headers and
 * says where it came from and why.
 *
 * <pre>
 *   examples/run DeadLetterExample [--records 50] [--bootstrap-servers host:port]
 * </pre>
 */
public final class DeadLetterExample {

    /** The values sent that are not valid JSON orders. */
    static final List<String> POISON_PILLS = List.of("this is not JSON", "{\"id\": \"order-truncated\", \"amount");

    /**
     * One record read back from the dead-letter topic.
     *
     * @param reason           {@code DESERIALIZATION} or {@code HANDLER}
     * @param originalTopic    where it was read from
     * @param originalPartition its partition
     * @param originalOffset   its offset
     * @param exceptionClass   the failure's class
     * @param exceptionMessage the failure's message
     * @param value            the original value, unchanged
     */
    public record DeadLetterView(
            String reason,
            String originalTopic,
            int originalPartition,
            long originalOffset,
            String exceptionClass,
            String exceptionMessage,
            String value) {}

    /**
     * What happened.
     *
     * @param valid        valid orders sent
     * @param processed    orders the handler completed
     * @param retried      handler attempts that failed transiently and were retried
     * @param deadLetters  the dead-letter topic's records
     */
    public record Result(int valid, int processed, int retried, List<DeadLetterView> deadLetters) {
        /** @return a readable summary, one line per dead letter */
        public String format() {
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT,
                    "processed %d of %d valid orders (%d transient failure retried); %d dead letters:",
                    processed,
                    valid,
                    retried,
                    deadLetters.size()));
            deadLetters.forEach(d -> out.append(String.format(
                    Locale.ROOT,
                    "%n      %s %s-%d@%d %s: %s | value %s",
                    d.reason(),
                    d.originalTopic(),
                    d.originalPartition(),
                    d.originalOffset(),
                    d.exceptionClass(),
                    abbreviate(d.exceptionMessage()),
                    d.value())));
            return out.toString();
        }
    }

    private DeadLetterExample() {}

    private static String abbreviate(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() <= 90 ? firstLine : firstLine.substring(0, 87) + "...";
    }

    /**
     * Runs the example against the cluster of the command line.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.payments"),
                    kafka.name("payments"),
                    kafka.args().intOption("records", 50));
            Console.line("%s", result.format());
        }
    }

    /**
     * Sends valid orders, two poison pills and one invalid order, consumes them with dead letters
     * going to {@code <topic>.DLT}, and reads the dead letters back.
     *
     * @param cluster the cluster
     * @param topic   the topic to create and use; {@code topic.DLT} is created too
     * @param groupId the consumer group
     * @param valid   how many valid orders
     * @return what was processed and dead-lettered
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(ClusterSettings cluster, String topic, String groupId, int valid) throws Exception {
        String deadLetterTopic = DeadLetterPublisher.DEFAULT_TOPIC_NAMING.apply(topic);
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 3), ExampleTopics.topic(deadLetterTopic, 1));
        Order invalid = new Order("order-refund-by-mistake", "ken", -500);
        sendInput(cluster, topic, valid, invalid);

        PaymentHandler payments =
                new PaymentHandler(Order.sample(valid / 2).id(), new Progress("orders processed", valid));
        Progress deadLettered = new Progress("dead letters read back", POISON_PILLS.size() + 1);
        List<DeadLetterView> letters = Collections.synchronizedList(new ArrayList<>());
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("payments")
                .cluster(cluster)
                .groupId(groupId)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        // tag::dead-letters[]
        FailurePolicy policy = FailurePolicy.builder()
                .maxAttempts(3)
                .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1))
                .retryOn(e -> !(e instanceof IllegalArgumentException)) // invalid data: no point retrying
                .onExhausted(FailureAction.DEAD_LETTER)
                .build();
        try (SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                                settings, Serdes.string(), Serdes.json(Order.class))
                        .subscribe(topic)
                        .commitMode(CommitMode.syncPerBatch())
                        .failurePolicy(policy)
                        .onPoisonPill(FailureAction.DEAD_LETTER)
                        .deadLettersToKafka() // to <topic>.DLT
                        .recordHandler(payments)
                        .build();
                // end::dead-letters[]
                SdkConsumer<byte[], byte[]> deadLetterReader = deadLetterReader(cluster, deadLetterTopic, record -> {
                    letters.add(view(record));
                    deadLettered.add(1);
                })) {
            consumer.start();
            deadLetterReader.start();
            payments.processed.await(Duration.ofSeconds(60), consumer);
            deadLettered.await(Duration.ofSeconds(60), consumer, deadLetterReader);
        }
        return new Result(valid, (int) payments.processed.count(), payments.retried.get(), List.copyOf(letters));
    }

    /**
     * The business logic: rejects orders with no positive amount (bad data, not worth retrying) and,
     * like a busy downstream service, fails once on one order (worth retrying).
     */
    private static final class PaymentHandler implements RecordHandler<String, Order> {
        private final String flakyOrderId;
        private final Progress processed;
        private final AtomicInteger retried = new AtomicInteger();
        private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

        PaymentHandler(String flakyOrderId, Progress processed) {
            this.flakyOrderId = flakyOrderId;
            this.processed = processed;
        }

        @Override
        public void handle(ConsumerRecord<String, Order> record) {
            Order order = record.value();
            if (order.amountCents() <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + order.amountCents());
            }
            if (order.id().equals(flakyOrderId) && failedOnce.add(order.id())) {
                retried.incrementAndGet();
                throw new IllegalStateException("payment service busy (simulated), try again");
            }
            processed.add(1);
        }
    }

    private static void sendInput(ClusterSettings cluster, String topic, int valid, Order invalid) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ProducerSettings settings = ProducerSettings.builder()
                .name("payments-in")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .build();
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        try (SdkProducer<String, String> producer = SdkProducer.create(settings, Serdes.string(), Serdes.string())) {
            for (int i = 0; i < valid; i++) {
                Order order = Order.sample(i);
                sends.add(producer.send(topic, order.id(), json.writeValueAsString(order)));
                if (i == valid / 3) {
                    sends.add(producer.send(topic, "pill-1", POISON_PILLS.get(0)));
                    sends.add(producer.send(topic, invalid.id(), json.writeValueAsString(invalid)));
                }
            }
            sends.add(producer.send(topic, "pill-2", POISON_PILLS.get(1)));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static SdkConsumer<byte[], byte[]> deadLetterReader(
            ClusterSettings cluster, String topic, RecordHandler<byte[], byte[]> handler) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("dead-letter-reader")
                .cluster(cluster)
                .build();
        return SdkConsumer.builder(settings, Serdes.byteArray(), Serdes.byteArray())
                .subscribe(Subscription.assignAll(topic))
                .startPosition(StartPositionStrategy.always(StartPosition.beginning()))
                .commitMode(CommitMode.none())
                .recordHandler(handler)
                .build();
    }

    private static DeadLetterView view(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetterView(
                header(record, DeadLetterHeaders.REASON),
                header(record, DeadLetterHeaders.ORIGINAL_TOPIC),
                Integer.parseInt(header(record, DeadLetterHeaders.ORIGINAL_PARTITION)),
                Long.parseLong(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)),
                header(record, DeadLetterHeaders.EXCEPTION_CLASS),
                header(record, DeadLetterHeaders.EXCEPTION_MESSAGE),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
