package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.serde.Serdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes.WrapperSerde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SdkProducerTest {

    private final MockKafka kafka = new MockKafka();
    private SdkProducer<String, String> producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void completesWithTheBrokersMetadata() {
        producer = kafka.strings().build();

        CompletableFuture<SendResult> future = producer.send("orders", "k1", "v1");
        assertThat(future).isNotDone();
        kafka.mock.completeNext();

        SendResult result = future.join();
        assertThat(result.topic()).isEqualTo("orders");
        assertThat(result.partition()).isZero();
        assertThat(result.offset()).isZero();
        assertThat(new String(kafka.mock.history().get(0).key(), StandardCharsets.UTF_8))
                .isEqualTo("k1");
    }

    @Test
    void handsKafkaByteSerializersAndTheRenderedSettings() {
        producer = kafka.builder(
                        MockKafka.settings().linger(Duration.ofMillis(7)).build(), Serdes.string(), Serdes.string())
                .build();

        assertThat(kafka.properties)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, producer.clientId());
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.LINGER_MS_CONFIG)))
                .isEqualTo("7");
    }

    @Test
    void synchronousThrowFromKafkaSendBecomesFailedFuture() {
        producer = kafka.builder(
                        MockKafka.settings()
                                .set(ProducerKeys.BLOCKING_SEND, true)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .build();
        kafka.mock.sendException = new TimeoutException("Topic orders not present in metadata");

        CompletableFuture<SendResult> future = producer.send("orders", "k1", "v1");

        KafkaSdkException failure = failureOf(future);
        assertThat(failure)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("max.block.ms")
                .hasMessageContaining("'k1'");
        assertThat(failure.topic()).contains("orders");
    }

    @Test
    void aSerializerThatAddsHeadersGetsTheRecordsHeadersAndItsOwnAreSent() {
        Serializer<String> tagging = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, String data) {
                return data.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, String data) {
                headers.add("seen", String.valueOf(headers.toArray().length).getBytes(StandardCharsets.UTF_8));
                return serialize(topic, data);
            }
        };
        producer = kafka.builder(
                        MockKafka.settings().build(),
                        Serdes.string(),
                        new WrapperSerde<>(tagging, new StringDeserializer()))
                .build();

        producer.send("orders", "k1", "plain");
        producer.send(OutgoingRecord.<String, String>builder("orders")
                .key("k2")
                .value("with")
                .header("trace-id", "t-1")
                .build());

        Headers plain = kafka.mock.history().get(0).headers();
        Headers with = kafka.mock.history().get(1).headers();
        assertThat(new String(plain.lastHeader("seen").value(), StandardCharsets.UTF_8))
                .isEqualTo("0");
        assertThat(new String(with.lastHeader("seen").value(), StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(with.lastHeader("trace-id")).isNotNull();
    }

    @Test
    void aRecordWithoutHeadersIsSentWithoutHeaders() {
        producer = kafka.strings().build();

        producer.send("orders", "k1", "v1");

        assertThat(kafka.mock.history().get(0).headers().toArray()).isEmpty();
    }

    @Test
    void serializerFailureFailsTheFutureWithTheKeyButNotTheValue() {
        Serde<String> failing = new WrapperSerde<>(
                (topic, data) -> {
                    throw new SerializationException("cannot encode");
                },
                new StringDeserializer());
        producer = kafka.builder(MockKafka.settings().build(), Serdes.string(), failing)
                .build();

        KafkaSdkException failure = failureOf(producer.send("orders", "key-7", "secret-value"));

        assertThat(failure)
                .isNotInstanceOf(RetriableKafkaSdkException.class)
                .hasCauseInstanceOf(SerializationException.class)
                .hasMessageContaining("value serializer")
                .hasMessageContaining("'key-7'")
                .hasMessageNotContaining("secret-value");
        assertThat(kafka.mock.history()).isEmpty();
    }

    @Test
    void oversizeRecordFailsBeforeItIsSent() {
        producer = kafka.builder(
                        MockKafka.settings()
                                .maxRequestSize(ByteSize.ofBytes(2048))
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .build();

        KafkaSdkException failure = failureOf(producer.send("orders", "big", "x".repeat(4000)));

        assertThat(failure)
                .hasCauseInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining("max.request.size (2048 bytes)")
                .hasMessageContaining("message.max.bytes");
        assertThat(kafka.mock.history()).isEmpty();
    }

    @Test
    void sendAfterCloseFailsSayingTheProducerIsClosed() {
        producer = kafka.strings().build();
        producer.close();

        KafkaSdkException failure = failureOf(producer.send("orders", "k", "v"));

        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class).hasMessageContaining("producer is closed");
        assertThat(kafka.mock.closed()).isTrue();
        assertThat(producer.isClosed()).isTrue();
    }

    @Test
    void closeIsIdempotentAndFailsUnsentRecords() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> pending = producer.send("orders", "k", "v");

        producer.close(Duration.ofMillis(100));
        producer.close(Duration.ofMillis(100));

        assertThat(kafka.mock.closed()).isTrue();
        // MockProducer leaves uncompleted sends alone on close; complete it now to prove the
        // completion path still runs inline once the SDK thread is gone.
        kafka.mock.errorNext(new KafkaException("producer closed"));
        assertThat(failureOf(pending)).hasMessageContaining("producer closed");
    }

    @Test
    void futuresCompleteOnTheSdkCompletionThread() {
        producer = kafka.strings().build();
        AtomicReference<String> futureThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();

        CompletableFuture<SendResult> future = producer.send("orders", "k", "v");
        future.thenRun(() -> futureThread.set(Thread.currentThread().getName()));
        producer.send(
                OutgoingRecord.of("orders", "k2", "v2"),
                (result, failure) -> callbackThread.set(Thread.currentThread().getName()));
        kafka.mock.completeNext();
        kafka.mock.completeNext();

        await().atMost(Duration.ofSeconds(5)).until(() -> callbackThread.get() != null && futureThread.get() != null);
        assertThat(futureThread.get())
                .isEqualTo(producer.clientId() + "-completions")
                .startsWith("kafka-sdk-producer-orders-");
        assertThat(callbackThread.get()).isEqualTo(futureThread.get());
    }

    @Test
    void callerExecutorRunsCompletionsAndIsNeverShutDown() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "caller"));
        try {
            producer = kafka.strings().completionExecutor(executor).build();
            AtomicReference<String> thread = new AtomicReference<>();
            producer.send("orders", "k", "v")
                    .thenRun(() -> thread.set(Thread.currentThread().getName()));
            kafka.mock.completeNext();
            await().atMost(Duration.ofSeconds(5)).until(() -> thread.get() != null);
            producer.close();

            assertThat(thread.get()).isEqualTo("caller");
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void fatalErrorIsReportedOnceThenLaterSendsFailAtOnce() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> first = producer.send("orders", "k1", "v1");
        kafka.mock.errorNext(new ProducerFencedException("fenced by epoch 3"));

        assertThat(failureOf(first))
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasCauseInstanceOf(ProducerFencedException.class);
        KafkaSdkException later = failureOf(producer.send("orders", "k2", "v2"));

        assertThat(later)
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining("unusable since an earlier fatal error")
                .hasMessageContaining("ProducerFencedException")
                .hasMessageContaining("fenced by epoch 3");
        assertThat(kafka.mock.history()).hasSize(1);
    }

    @Test
    void anAuthenticationFailureBeforeAnyAcknowledgementMakesTheProducerUnusable() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> first = producer.send("orders", "k1", "v1");
        kafka.mock.errorNext(new SaslAuthenticationException("invalid_client"));

        assertThat(failureOf(first)).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failureOf(producer.send("orders", "k2", "v2")))
                .hasMessageContaining("unusable since an earlier fatal error");
        assertThat(producer.health().status()).isEqualTo(ClientHealth.Status.FAILED);
    }

    @Test
    void anAuthenticationFailureAfterAnAcknowledgementIsRetriableAndTheProducerStaysUsable() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> first = producer.send("orders", "k1", "v1");
        kafka.mock.completeNext();
        first.join();
        CompletableFuture<SendResult> second = producer.send("orders", "k2", "v2");
        SaslAuthenticationException expired = new SaslAuthenticationException("invalid_token");
        kafka.mock.errorNext(expired);

        KafkaSdkException failure = failureOf(second);

        assertThat(failure)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasCause(expired)
                .hasMessageContaining("counts as passing", "send the record again");
        ClientHealth failing = producer.health();
        assertThat(failing.status()).isEqualTo(ClientHealth.Status.NOT_READY);
        assertThat(failing.cause()).containsSame(expired);
        // the producer still sends; once a record is acknowledged after the failure it is READY again
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            CompletableFuture<SendResult> next = producer.send("orders", "k3", "v3");
            kafka.mock.completeNext();
            next.join();
            return producer.health().status() == ClientHealth.Status.READY;
        });
        assertThat(producer.health().cause()).isEmpty();
    }

    @Test
    void retriableBrokerErrorIsRetriable() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> future = producer.send("orders", "k", "v");
        kafka.mock.errorNext(new NotLeaderOrFollowerException("leader moved"));

        KafkaSdkException failure = failureOf(future);
        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure.partition()).hasValue(0);
        assertThat(failure.clientId()).contains(producer.clientId());
    }

    @Test
    void inFlightCapMakesSendWaitThenFail() {
        producer = kafka.builder(
                        MockKafka.settings()
                                .maxBlock(Duration.ofMillis(200))
                                .set(ProducerKeys.BLOCKING_SEND, true)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .maxInFlight(2)
                .build();
        producer.send("orders", "a", "1");
        producer.send("orders", "b", "2");

        long start = System.nanoTime();
        KafkaSdkException refused = failureOf(producer.send("orders", "c", "3"));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(refused)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("in-flight cap")
                .hasMessageContaining("max.block.ms (200 ms)");
        assertThat(waitedMs).isGreaterThanOrEqualTo(190);
        assertThat(kafka.mock.history()).hasSize(2);

        kafka.mock.completeNext();
        CompletableFuture<SendResult> admitted = producer.send("orders", "d", "4");
        kafka.mock.completeNext();
        kafka.mock.completeNext();
        assertThat(admitted.join().offset()).isEqualTo(2);
    }

    @Test
    void inFlightCapFailsAtOnceWhenSendsMustNotBlock() {
        producer = kafka.builder(
                        MockKafka.settings().maxBlock(Duration.ofSeconds(5)).build(), Serdes.string(), Serdes.string())
                .maxInFlight(1)
                .build();
        producer.send("orders", "a", "1");

        long start = System.nanoTime();
        KafkaSdkException refused = failureOf(producer.send("orders", "b", "2"));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThat(refused)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("in-flight cap")
                .hasMessageContaining("blocking-send: false");
    }

    @Test
    void recordsRefusedForMissingMetadataWaitAndGoOutInOrder() {
        producer = kafka.strings().build();
        kafka.mock.sendException = new TimeoutException("Topic orders not present in metadata");
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(producer.send("orders", "k" + i, "v" + i));
        }
        assertThat(kafka.mock.history()).isEmpty();
        assertThat(sends).noneMatch(CompletableFuture::isDone);

        kafka.mock.sendException = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.mock.history().size() == 5);
        sends.add(producer.send("orders", "k5", "v5"));

        assertThat(kafka.mock.history())
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
        kafka.mock.flush();
        // futures complete on the producer's completion thread, a moment after the acknowledgement
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(sends).allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
    }

    @Test
    void topicsFromTheSettingsAndTheBuilderAreWarmedAtCreationWithoutBlocking() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.kafka.clients.producer.MockProducer<byte[], byte[]> recording =
                new org.apache.kafka.clients.producer.MockProducer<>(
                        true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized List<org.apache.kafka.common.PartitionInfo> partitionsFor(String topic) {
                        asked.add(topic);
                        throw new TimeoutException("Topic " + topic + " not present in metadata after 0 ms.");
                    }
                };
        producer = SdkProducer.builder(
                        MockKafka.settings()
                                .set(ProducerKeys.TOPICS, List.of("orders", "payments"))
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .warmTopics("audit", "orders")
                .clientFactory(props -> recording)
                .build();

        assertThat(asked).startsWith("orders", "payments", "audit");
        assertThat(kafka.properties).isEmpty();
    }

    @Test
    void theKafkaClientNeverBlocksUnlessBlockingSendIsChosen() {
        producer = kafka.strings().build();
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)))
                .isEqualTo("0");
        producer.close();

        MockKafka blocking = new MockKafka();
        producer = blocking.builder(
                        MockKafka.settings()
                                .maxBlock(Duration.ofSeconds(7))
                                .set(ProducerKeys.BLOCKING_SEND, true)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .build();
        assertThat(String.valueOf(blocking.properties.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)))
                .isEqualTo("7000");
    }

    @Test
    void closeFailsRecordsStillWaitingForMetadata() {
        producer = kafka.strings().build();
        kafka.mock.sendException = new TimeoutException("Topic orders not present in metadata");
        CompletableFuture<SendResult> waiting = producer.send("orders", "k", "v");

        producer.close(Duration.ofMillis(200));

        assertThat(failureOf(waiting))
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining("the producer closed while the record waited for the topic's" + " metadata");
    }

    @Test
    void aFullTopicQueueFailsTheSendAtOnceNamingTheSetting() {
        producer = kafka.builder(
                        MockKafka.settings()
                                .set(ProducerKeys.PENDING_RECORDS, 2)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .build();
        kafka.mock.sendException = new TimeoutException("Topic orders not present in metadata");
        producer.send("orders", "a", "1");
        producer.send("orders", "b", "2");

        KafkaSdkException refused = failureOf(producer.send("orders", "c", "3"));

        assertThat(refused)
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("pending-records (2 records)")
                .hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void sendAndWaitReturnsTheResultOrThrowsTheFailure() {
        producer = new MockKafka(true).strings().build();

        SendResult result = producer.sendAndWait(OutgoingRecord.of("orders", "k", "v"), Duration.ofSeconds(5));
        assertThat(result.offset()).isZero();

        producer.close();
        assertThatThrownBy(() -> producer.sendAndWait(OutgoingRecord.of("orders", "k", "v"), Duration.ofSeconds(5)))
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void sendAndWaitTimesOutWithRetriableFailure() {
        producer = kafka.strings().build();

        assertThatThrownBy(() -> producer.sendAndWait(OutgoingRecord.of("orders", "k", "v"), Duration.ofMillis(50)))
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("not acknowledged within PT0.05S");
    }

    @Test
    void flushCompletesEveryEarlierFuture() {
        producer = kafka.strings().build();
        CompletableFuture<SendResult> first = producer.send("orders", "a", "1");
        CompletableFuture<SendResult> second = producer.send("orders", "b", "2");
        assertThat(first).isNotDone();

        producer.flush();

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
    }

    static KafkaSdkException failureOf(CompletableFuture<SendResult> future) {
        await().atMost(Duration.ofSeconds(5)).until(future::isDone);
        assertThat(future).isCompletedExceptionally();
        return (KafkaSdkException) future.handle((r, e) -> e).join();
    }
}
