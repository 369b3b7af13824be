package dev.kafkasdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaSdkExceptionTest {

    @Test
    void messageCarriesThePresentContext() {
        KafkaSdkException e = KafkaSdkException.builder("send failed")
                .clientId("svc-orders")
                .topic("orders")
                .partition(3)
                .offset(42L)
                .build();

        assertThat(e).hasMessage("send failed [clientId=svc-orders, topic=orders, partition=3, offset=42]");
        assertThat(e.topic()).hasValue("orders");
        assertThat(e.partition()).hasValue(3);
        assertThat(e.offset()).hasValue(42L);
        assertThat(e.clientId()).hasValue("svc-orders");
    }

    @Test
    void absentContextIsEmptyAndLeftOutOfTheMessage() {
        KafkaSdkException e = new KafkaSdkException("boom");

        assertThat(e).hasMessage("boom");
        assertThat(e.topic()).isEmpty();
        assertThat(e.partition()).isEmpty();
        assertThat(e.offset()).isEmpty();
        assertThat(e.isRetriable()).isFalse();
    }

    @Test
    void retriableKafkaCausesGiveRetriableExceptions() {
        NotLeaderOrFollowerException cause = new NotLeaderOrFollowerException("moved");

        KafkaSdkException e = KafkaSdkException.builder("send failed")
                .topic("orders")
                .cause(cause)
                .build();

        assertThat(e).isInstanceOf(RetriableKafkaSdkException.class).hasCause(cause);
        assertThat(e.isRetriable()).isTrue();
        assertThat(e.topic()).hasValue("orders");
    }

    @Test
    void fencingAndAuthorizationGiveFatalExceptionsEvenWhenWrapped() {
        assertThat(KafkaSdkException.wrap("commit", new ProducerFencedException("fenced")))
                .isInstanceOf(FatalKafkaSdkException.class);
        assertThat(KafkaSdkException.wrap("send", new ExecutionException(new TopicAuthorizationException("no"))))
                .isInstanceOf(FatalKafkaSdkException.class);
        assertThat(KafkaSdkException.wrap("send", new RecordTooLargeException("big")))
                .isExactlyInstanceOf(KafkaSdkException.class);
    }

    @Test
    void explicitTerminalsChooseTheTypeWhateverTheCause() {
        assertThat(KafkaSdkException.builder("closed").fatal())
                .isInstanceOf(FatalKafkaSdkException.class)
                .extracting(KafkaSdkException::isRetriable)
                .isEqualTo(false);
        assertThat(KafkaSdkException.builder("busy").retriable().isRetriable()).isTrue();
    }

    @Test
    void configExceptionListsEveryProblemOnItsOwnLine() {
        ConfigException e = new ConfigException(java.util.List.of(
                new ConfigProblem("producers.orders.linger", "10 parsecs", "'10 parsecs' is not a duration"),
                new ConfigProblem("cluster.bootstrap-servers", null, "is required")));

        assertThat(e.getMessage())
                .isEqualTo("Invalid Kafka SDK configuration (2 problems):\n"
                        + "  producers.orders.linger: '10 parsecs' is not a duration\n"
                        + "  cluster.bootstrap-servers: is required");
        assertThat(e.isRetriable()).isFalse();
        assertThat(e).isInstanceOf(KafkaSdkException.class);
    }
}
