package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.DeliveryHistory;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens that live 6 s, and brokers that make every connection re-authenticate after 3 s
 * ({@code connections.max.reauth.ms}): an SDK producer and consumer keep working across several
 * token refreshes and re-authentications, and the checker finds nothing lost.
 */
@KafkaBroker(
        brokerProperties = "connections.max.reauth.ms=3000",
        security =
                @KafkaSecurity(
                        listeners = SecuredListener.SASL_SSL,
                        users = "alice",
                        oauth = true,
                        tokenLifetimeSeconds = 6))
class OAuthTokenRefreshIT {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenRefreshIT.class);
    /** 18 s (three token lifetimes) in the default build; 60 s with -Preliability. */
    private static final Duration RUN = Duration.ofSeconds(Boolean.getBoolean("kafka.sdk.reliability.full") ? 60 : 18);

    @Test
    void producerAndConsumerOutliveSeveralShortLivedTokens(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("token-refresh");
        kafka.createTopic(topic, 2);
        ClientSecurity alice = kafka.security().client(SecuredListener.SASL_SSL, Sasl.OAUTHBEARER, "alice");
        KafkaSdkConfig config = SecuredSdkClients.config(alice, topic + "-group");
        DeliveryHistory history = new DeliveryHistory();
        long tokensAtStart = kafka.security().issuedTokens();

        try (SdkProducer<String, String> producer = SecuredSdkClients.producer(config);
                SdkConsumer<String, String> consumer = SdkConsumer.builder(
                                config.consumer("c"), Serdes.string(), Serdes.string())
                        .subscribe(topic)
                        .commitMode(CommitMode.syncPerBatch())
                        .recordHandler(r -> history.consumed(
                                r.topic(), r.partition(), r.offset(), r.key(), Long.parseLong(r.value())))
                        .build()) {
            consumer.start();
            long deadline = System.nanoTime() + RUN.toNanos();
            for (long id = 0; System.nanoTime() < deadline; id++) {
                long valueId = id;
                String key = "k" + (id % 4);
                var result = producer.send(topic, key, Long.toString(id)).get(15, TimeUnit.SECONDS);
                history.acknowledged(result.topic(), result.partition(), result.offset(), key, valueId);
                // paced by delivery: the next send waits until this record was consumed
                await().atMost(Duration.ofSeconds(15)).until(() -> history.consumedDistinct() > valueId);
            }
            int acknowledged = history.acknowledgedCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> history.consumedDistinct() >= acknowledged);
        }

        DeliveryHistory.Report report = history.check();
        long tokens = kafka.security().issuedTokens() - tokensAtStart;
        LOG.info("token refresh over {} s: {} tokens issued; {}", RUN.toSeconds(), tokens, report);
        assertThat(report.isClean()).as(report.toString()).isTrue();
        assertThat(report.acknowledged()).isGreaterThan(100);
        // two clients log in once each; anything more is a refresh. Every send succeeding for 3 token
        // lifetimes while the broker re-authenticates each connection every 3 s is the real proof.
        assertThat(tokens).as("tokens issued").isGreaterThan(2);
    }
}
