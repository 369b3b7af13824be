package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientNamesTest {

    @Test
    void withoutAnIdOrPrefixTheClientIdIsTheNumberedBase() {
        ClientNames.Name first = ClientNames.next("consumer", "plain-orders", Optional.empty(), Optional.empty());
        ClientNames.Name second = ClientNames.next("consumer", "plain-orders", Optional.empty(), Optional.empty());

        assertThat(first.clientId()).isEqualTo(first.base()).matches("kafka-sdk-consumer-plain-orders-\\d+");
        assertThat(second.clientId()).isNotEqualTo(first.clientId());
        assertThat(second.thread("poll")).isEqualTo(second.base() + "-poll").isNotEqualTo(first.thread("poll"));
    }

    @Test
    void aPrefixDerivedIdGetsTheNumberSoTwoClientsOfOneSettingsDiffer() {
        ClientNames.Name first =
                ClientNames.next("producer", "prefixed", Optional.of("svc-prefixed"), Optional.of("svc"));
        ClientNames.Name second =
                ClientNames.next("producer", "prefixed", Optional.of("svc-prefixed"), Optional.of("svc"));

        assertThat(first.clientId()).matches("svc-prefixed-\\d+");
        assertThat(second.clientId()).matches("svc-prefixed-\\d+").isNotEqualTo(first.clientId());
        assertThat(first.base()).matches("kafka-sdk-producer-prefixed-\\d+");
        assertThat(first.clientId().substring("svc-prefixed-".length()))
                .isEqualTo(first.base().substring("kafka-sdk-producer-prefixed-".length()));
    }

    @Test
    void anExplicitIdIsKeptVerbatimButThreadsStillDiffer() {
        ClientNames.Name first =
                ClientNames.next("admin", "explicit", Optional.of("billing-admin"), Optional.of("svc"));
        ClientNames.Name second =
                ClientNames.next("admin", "explicit", Optional.of("billing-admin"), Optional.of("svc"));

        assertThat(first.clientId()).isEqualTo("billing-admin");
        assertThat(second.clientId()).isEqualTo("billing-admin");
        assertThat(first.base()).isNotEqualTo(second.base()).startsWith("kafka-sdk-admin-explicit-");
    }

    @Test
    void kindsAndNamesCountSeparately() {
        ClientNames.Name producer = ClientNames.next("producer", "counted-apart", Optional.empty(), Optional.empty());
        ClientNames.Name consumer = ClientNames.next("consumer", "counted-apart", Optional.empty(), Optional.empty());

        assertThat(producer.base()).isEqualTo("kafka-sdk-producer-counted-apart-1");
        assertThat(consumer.base()).isEqualTo("kafka-sdk-consumer-counted-apart-1");
    }
}
