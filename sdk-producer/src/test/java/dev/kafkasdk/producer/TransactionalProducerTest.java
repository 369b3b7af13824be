package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.serde.Serdes;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionalProducerTest {

    private final MockKafka kafka = new MockKafka(true);
    private TransactionalProducer<String, String> producer;

    private TransactionalProducer<String, String> create() {
        return kafka.builder(MockKafka.settings().transactionalId("tx-1").build(), Serdes.string(), Serdes.string())
                .buildTransactional();
    }

    @AfterEach
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void initializesTransactionsWhenCreated() {
        producer = create();

        assertThat(kafka.mock.transactionInitialized()).isTrue();
        assertThat(producer.transactionalId()).isEqualTo("tx-1");
    }

    @Test
    @SuppressWarnings("removal") // a consumer's real group metadata needs a broker; see the IT
    void runInTransactionCommitsRecordsAndOffsets() {
        producer = create();
        TopicPartition input = new TopicPartition("input", 0);

        String result = producer.callInTransaction(tx -> {
            tx.send("out", "k1", "v1");
            tx.send("out", "k2", "v2");
            tx.sendOffsets(
                    Map.of(input, new OffsetAndMetadata(11)),
                    new ConsumerGroupMetadata("g", 1, "member-1", Optional.empty()));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(kafka.mock.transactionCommitted()).isTrue();
        assertThat(kafka.mock.history()).hasSize(2);
        assertThat(kafka.mock.consumerGroupOffsetsHistory())
                .containsExactly(Map.of("g", Map.of(input, new OffsetAndMetadata(11))));
    }

    @Test
    void workThatThrowsAbortsAndTheExceptionIsRethrown() {
        producer = create();
        IllegalArgumentException boom = new IllegalArgumentException("bad input");

        assertThatThrownBy(() -> producer.runInTransaction(tx -> {
                    tx.send("out", "k1", "v1");
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(kafka.mock.transactionAborted()).isTrue();
        assertThat(kafka.mock.transactionCommitted()).isFalse();
        assertThat(kafka.mock.history()).isEmpty();
    }

    @Test
    void checkedExceptionFromWorkIsWrappedAfterAbort() {
        producer = create();

        assertThatThrownBy(() -> producer.runInTransaction(tx -> {
                    throw new IOException("disk gone");
                }))
                .isInstanceOf(KafkaSdkException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("tx-1");
        assertThat(kafka.mock.transactionAborted()).isTrue();
    }

    @Test
    void fencedProducerFailsFatallyAndClosesItself() {
        producer = create();
        kafka.mock.fenceProducer();

        assertThatThrownBy(() -> producer.runInTransaction(tx -> tx.send("out", "k", "v")))
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasCauseInstanceOf(ProducerFencedException.class)
                .hasMessageContaining("fenced");

        assertThat(producer.isClosed()).isTrue();
        assertThat(kafka.mock.closed()).isTrue();
        assertThatThrownBy(producer::beginTransaction)
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void commitFailureAbortsAndRethrows() {
        producer = create();
        kafka.mock.commitTransactionException =
                new org.apache.kafka.common.KafkaException("a send of this transaction failed");

        assertThatThrownBy(() -> producer.runInTransaction(tx -> tx.send("out", "k", "v")))
                .isInstanceOf(KafkaSdkException.class)
                .hasMessageContaining("commitTransaction")
                .hasMessageContaining("a send of this transaction failed");
        assertThat(kafka.mock.transactionAborted()).isTrue();
    }

    @Test
    void transactionHandleRefusesSendsAfterItsWorkReturned() {
        producer = create();
        AtomicReference<Transaction<String, String>> leaked = new AtomicReference<>();
        producer.runInTransaction(leaked::set);

        CompletableFuture<SendResult> late = leaked.get().send("out", "k", "v");

        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).hasMessageContaining("transaction it was given to has ended");
    }

    @Test
    void actsAsTheCoreTransactionalSink() {
        producer = create();
        dev.kafkasdk.core.transaction.TransactionalSink<String, String> sink = producer;

        sink.beginTransaction();
        RecordMetadata metadata =
                sink.send(new ProducerRecord<>("out", 0, "k", "v")).join();
        sink.commitTransaction();

        assertThat(metadata.topic()).isEqualTo("out");
        assertThat(metadata.partition()).isZero();
        assertThat(kafka.mock.transactionCommitted()).isTrue();
    }

    @Test
    void requiresATransactionalId() {
        assertThatThrownBy(() -> kafka.builder(MockKafka.settings().build(), Serdes.string(), Serdes.string())
                        .buildTransactional())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transactional-id");
    }
}
