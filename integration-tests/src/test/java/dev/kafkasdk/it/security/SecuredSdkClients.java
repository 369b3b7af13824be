package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.test.ClientSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Builds the SDK's clients from the test kit's cluster section: every test here goes through the
 * SDK's own config loading, validation and security rendering.
 */
final class SecuredSdkClients {

    static final Duration BOUND = Duration.ofSeconds(10);

    private SecuredSdkClients() {}

    /** The kit's cluster section plus a producer {@code p}, a consumer {@code c} (group {@code group}) and an admin. */
    static KafkaSdkConfig config(ClientSecurity client, String group) {
        return config(client, group, false);
    }

    /** As {@link #config(ClientSecurity, String)}, the producer with {@code blocking-send} as given. */
    static KafkaSdkConfig config(ClientSecurity client, String group, boolean blockingSend) {
        return KafkaSdkConfig.loader()
                .yaml(client.sdkClusterYaml())
                .yaml("""
                        producers:
                          p:
                            preset: DURABLE
                            linger: 0ms
                            max-block: 8s
                            delivery-timeout: 9s
                            request-timeout: 4s
                            blocking-send: %s
                        consumers:
                          c:
                            group-id: "%s"
                            auto-offset-reset: earliest
                            enable-auto-commit: false
                            request-timeout: 8s
                        admins:
                          default:
                            request-timeout: 4s
                            default-api-timeout: 8s
                        """.formatted(blockingSend, group))
                .environment(Map.of())
                .load();
    }

    /**
     * Sends one record with a producer for {@code client} and returns why it failed: the send's
     * failure, or what creating the producer threw. Asserts that it failed within {@link #BOUND}.
     */
    static Throwable sendFailure(ClientSecurity client, String topic, boolean blockingSend) throws Exception {
        KafkaSdkConfig config = config(client, topic + "-group", blockingSend);
        long started = System.nanoTime();
        Throwable failure;
        try (SdkProducer<String, String> producer = producer(config)) {
            CompletableFuture<?> future = producer.send(topic, "k", "v");
            try {
                future.get(BOUND.toSeconds() + 5, TimeUnit.SECONDS);
                throw new AssertionError("the send to " + topic + " succeeded");
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
        } catch (KafkaSdkException e) {
            failure = e;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.plusSeconds(1));
        return failure;
    }

    static SdkProducer<String, String> producer(KafkaSdkConfig config) {
        return SdkProducer.create(config.producer("p"), Serdes.string(), Serdes.string());
    }

    /** Sends the values and waits for every acknowledgement (at most {@link #BOUND} each). */
    static List<SendResult> sendAll(KafkaSdkConfig config, String topic, List<String> values) throws Exception {
        try (SdkProducer<String, String> producer = producer(config)) {
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (String value : values) {
                futures.add(producer.send(topic, value, value));
            }
            List<SendResult> results = new ArrayList<>();
            for (CompletableFuture<SendResult> future : futures) {
                results.add(future.get(BOUND.toSeconds() + 5, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    /** Consumes with the group of consumer {@code c} until {@code expected} values arrived. */
    static List<String> consume(KafkaSdkConfig config, String topic, int expected) {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        config.consumer("c"), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= expected);
        }
        return List.copyOf(seen);
    }
}
