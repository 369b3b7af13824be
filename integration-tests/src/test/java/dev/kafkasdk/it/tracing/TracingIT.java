package dev.kafkasdk.it.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.BatchHandler;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.internal.HandlerObservations;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.observation.KafkaObservationKeys;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.TransactionalProducer;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One trace from the producer through the broker into the handler, through retries and into the
 * dead-letter topic, with Micrometer Tracing over the OpenTelemetry SDK (spans kept in memory).
 */
@KafkaBroker
class TracingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final InMemoryTracing tracing = new InMemoryTracing();

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    @Test
    void handlerSpanIsChildOfTheProducersSendAcrossTheBroker(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("trace-record");
        kafka.createTopic(topic, 2, 1);
        List<Map<String, String>> mdcInHandler = new CopyOnWriteArrayList<>();
        List<String> currentTraceInHandler = new CopyOnWriteArrayList<>();
        RecordHandler<String, String> handler = record -> {
            mdcInHandler.add(MDC.getCopyOfContextMap());
            Span current = tracing.tracer.currentSpan();
            currentTraceInHandler.add(
                    current == null ? "none" : current.context().traceId());
        };

        Span request = tracing.tracer.nextSpan().name("http request").start();
        try (SdkProducer<String, String> producer = producer(kafka);
                SdkConsumer<String, String> consumer = consumer(kafka, topic, topic + "-g")
                        .recordHandler(handler)
                        .build()) {
            try (Tracer.SpanInScope scope = tracing.tracer.withSpan(request)) {
                producer.send(OutgoingRecord.of(topic, "order-1", "paid"))
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                request.end();
            }
            consumer.start();
            await().atMost(WAIT).until(() -> named("process " + topic).size() == 1);
        }

        SpanData send = only("send " + topic);
        SpanData process = only("process " + topic);
        String traceId = request.context().traceId();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(traceId);
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(attr(send, KafkaObservationKeys.SYSTEM)).isEqualTo("kafka");
        assertThat(attr(send, KafkaObservationKeys.DESTINATION)).isEqualTo(topic);
        assertThat(attr(send, KafkaObservationKeys.MESSAGE_KEY)).isEqualTo("order-1");
        assertThat(attr(send, KafkaObservationKeys.OFFSET)).isEqualTo("0");
        assertThat(attr(process, KafkaObservationKeys.CONSUMER_GROUP)).isEqualTo(topic + "-g");
        assertThat(attr(process, KafkaObservationKeys.PARTITION)).isEqualTo(attr(send, KafkaObservationKeys.PARTITION));
        assertThat(attr(process, KafkaObservationKeys.OFFSET)).isEqualTo("0");
        assertThat(attr(process, KafkaObservationKeys.ATTEMPT)).isEqualTo("1");
        assertThat(attr(process, KafkaObservationKeys.OUTCOME)).isEqualTo("success");
        assertThat(currentTraceInHandler).containsExactly(traceId);
        assertThat(mdcInHandler.get(0))
                .containsEntry(KafkaObservationKeys.MDC_TOPIC, topic)
                .containsEntry(KafkaObservationKeys.MDC_OFFSET, "0")
                .containsEntry(KafkaObservationKeys.MDC_PARTITION, attr(send, KafkaObservationKeys.PARTITION))
                .containsEntry(KafkaObservationKeys.MDC_GROUP, topic + "-g");
    }

    @Test
    void recordRetriedTwiceThenDeadLetteredKeepsOneTrace(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("trace-dlt");
        String deadLetters = topic + ".DLT";
        kafka.createTopic(topic, 1, 1);
        kafka.createTopic(deadLetters, 1, 1);
        FailurePolicy policy = FailurePolicy.builder()
                .maxAttempts(3)
                .backoff(Duration.ofMillis(50), 1.0, Duration.ofMillis(50))
                .onExhausted(FailureAction.DEAD_LETTER)
                .build();
        AtomicInteger dlqRead = new AtomicInteger();
        try (SdkProducer<String, String> producer = producer(kafka);
                SdkConsumer<String, String> consumer = consumer(kafka, topic, topic + "-g")
                        .failurePolicy(policy)
                        .deadLettersToKafka()
                        .recordHandler(record -> {
                            throw new IllegalStateException("downstream refused " + record.key());
                        })
                        .build();
                SdkConsumer<String, String> reader = consumer(kafka, deadLetters, topic + "-dlt-reader")
                        .recordHandler(record -> dlqRead.incrementAndGet())
                        .build()) {
            producer.send(OutgoingRecord.of(topic, "order-9", "unpaid")).get(30, java.util.concurrent.TimeUnit.SECONDS);
            consumer.start();
            reader.start();
            await().atMost(WAIT).until(() -> named("process " + deadLetters).size() == 1);
        }

        SpanData send = only("send " + topic);
        List<SpanData> attempts = named("process " + topic);
        SpanData deadLetterSend = only("send " + deadLetters);
        SpanData deadLetterProcess = only("process " + deadLetters);
        assertThat(attempts).hasSize(3).allSatisfy(a -> {
            assertThat(a.getParentSpanId()).isEqualTo(send.getSpanId());
            assertThat(attr(a, KafkaObservationKeys.OUTCOME)).isEqualTo("failure");
            assertThat(attr(a, KafkaObservationKeys.ERROR_TYPE)).isEqualTo("IllegalStateException");
        });
        assertThat(attempts)
                .extracting(a -> attr(a, KafkaObservationKeys.ATTEMPT))
                .containsExactlyInAnyOrder("1", "2", "3");
        SpanData last = attempts.stream()
                .filter(a -> "3".equals(attr(a, KafkaObservationKeys.ATTEMPT)))
                .findFirst()
                .orElseThrow();
        assertThat(deadLetterSend.getParentSpanId()).isEqualTo(last.getSpanId());
        assertThat(deadLetterProcess.getParentSpanId()).isEqualTo(deadLetterSend.getSpanId());
        assertThat(List.of(send, last, deadLetterSend, deadLetterProcess))
                .extracting(SpanData::getTraceId)
                .containsOnly(send.getTraceId());
        assertThat(dlqRead).hasValue(1);
    }

    @Test
    void batchSpanLinksEveryRecordsProducerContext(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("trace-batch");
        kafka.createTopic(topic, 1, 1);
        int records = 100;
        Set<String> handled = ConcurrentHashMap.newKeySet();
        BatchHandler<String, String> handler = batch -> batch.forEach(r -> handled.add(r.value()));
        try (SdkProducer<String, String> producer = producer(kafka)) {
            CompletableFuture<?>[] sends = new CompletableFuture<?>[records];
            for (int i = 0; i < records; i++) {
                sends[i] = producer.send(OutgoingRecord.of(topic, "k" + i, "v" + i)); // each its own trace
            }
            CompletableFuture.allOf(sends).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        try (SdkConsumer<String, String> consumer =
                consumer(kafka, topic, topic + "-g").batchHandler(handler).build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> handled.size() == records);
        }

        List<SpanData> sends = named("send " + topic);
        List<SpanData> batches = named("process " + topic);
        assertThat(sends).hasSize(records);
        assertThat(sends).extracting(SpanData::getTraceId).doesNotHaveDuplicates();
        assertThat(batches).isNotEmpty().allSatisfy(b -> assertThat(b.getKind()).isEqualTo(SpanKind.CONSUMER));
        Set<String> linked = batches.stream()
                .flatMap(b -> b.getLinks().stream())
                .map(LinkData::getSpanContext)
                .map(c -> c.getTraceId() + "/" + c.getSpanId())
                .collect(Collectors.toSet());
        assertThat(linked)
                .containsExactlyInAnyOrderElementsOf(sends.stream()
                        .map(s -> s.getTraceId() + "/" + s.getSpanId())
                        .toList());
        assertThat(batches.stream()
                        .mapToLong(b -> Long.parseLong(attr(b, KafkaObservationKeys.BATCH_COUNT)))
                        .sum())
                .isEqualTo(records);
    }

    @Test
    void batchRecordsIteratedByTheHandlerGetAChildOfTheirOwnProducersSpanBesideTheBatchLinks(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("trace-batch-records");
        kafka.createTopic(topic, 1, 1);
        int records = 100;
        Map<String, String> traceWhileHandled = new ConcurrentHashMap<>();
        BatchHandler<String, String> handler = batch -> {
            for (ConsumerRecord<String, String> record : batch) {
                Span current = tracing.tracer.currentSpan();
                traceWhileHandled.put(
                        record.key(),
                        current == null ? "none" : current.context().traceId());
            }
        };
        try (SdkProducer<String, String> producer = producer(kafka)) {
            CompletableFuture<?>[] sends = new CompletableFuture<?>[records];
            for (int i = 0; i < records; i++) {
                sends[i] = producer.send(OutgoingRecord.of(topic, "k" + i, "v" + i));
            }
            CompletableFuture.allOf(sends).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        try (SdkConsumer<String, String> consumer = consumer(kafka, topic, topic + "-g")
                .observeBatchRecords(true)
                .batchHandler(handler)
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> traceWhileHandled.size() == records);
            await().atMost(WAIT)
                    .until(() -> named("process " + topic).stream()
                                    .filter(s -> attr(s, KafkaObservationKeys.BATCH_COUNT) == null)
                                    .count()
                            == records);
        }

        Map<String, SpanData> sendsByKey = named("send " + topic).stream()
                .collect(Collectors.toMap(s -> attr(s, KafkaObservationKeys.MESSAGE_KEY), s -> s));
        List<SpanData> perRecord = named("process " + topic).stream()
                .filter(s -> attr(s, KafkaObservationKeys.BATCH_COUNT) == null)
                .toList();
        List<SpanData> batches = named("process " + topic).stream()
                .filter(s -> attr(s, KafkaObservationKeys.BATCH_COUNT) != null)
                .toList();
        assertThat(perRecord).hasSize(records).allSatisfy(process -> {
            SpanData send = sendsByKey.get(attr(process, KafkaObservationKeys.MESSAGE_KEY));
            assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
            assertThat(process.getTraceId()).isEqualTo(send.getTraceId());
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(attr(process, KafkaObservationKeys.OUTCOME)).isEqualTo("success");
        });
        assertThat(traceWhileHandled)
                .allSatisfy((key, trace) ->
                        assertThat(trace).isEqualTo(sendsByKey.get(key).getTraceId()));
        assertThat(batches.stream().mapToInt(b -> b.getLinks().size()).sum()).isEqualTo(records);
    }

    @Test
    void concurrentWorkersContinueEachRecordsOwnTrace(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("trace-concurrent");
        kafka.createTopic(topic, 2, 1);
        int records = 20;
        Set<String> workerThreads = ConcurrentHashMap.newKeySet();
        try (SdkProducer<String, String> producer = producer(kafka)) {
            CompletableFuture<?>[] sends = new CompletableFuture<?>[records];
            for (int i = 0; i < records; i++) {
                sends[i] = producer.send(OutgoingRecord.of(topic, "k" + i, "v" + i));
            }
            CompletableFuture.allOf(sends).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("traced")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .groupId(topic + "-g")
                .autoOffsetReset(OffsetReset.EARLIEST)
                .concurrency(4)
                .build();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .observations(tracing.registry)
                .recordHandler(
                        record -> workerThreads.add(Thread.currentThread().getName()))
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> named("process " + topic).size() == records);
        }

        Map<String, SpanData> sendsBySpanId =
                named("send " + topic).stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        assertThat(named("process " + topic)).allSatisfy(process -> {
            SpanData send = sendsBySpanId.get(process.getParentSpanId());
            assertThat(send).as("the send span of %s", process).isNotNull();
            assertThat(process.getTraceId()).isEqualTo(send.getTraceId());
            assertThat(attr(process, KafkaObservationKeys.MESSAGE_KEY))
                    .isEqualTo(attr(send, KafkaObservationKeys.MESSAGE_KEY));
        });
        assertThat(named("process " + topic)).extracting(SpanData::getTraceId).doesNotHaveDuplicates();
        assertThat(workerThreads).noneMatch(name -> name.endsWith("-poll"));
    }

    @Test
    void transactionalForwardContinuesTheTraceDownstream(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopicName("trace-tx-in");
        String output = input + "-out";
        kafka.createTopic(input, 1, 1);
        kafka.createTopic(output, 1, 1);
        ProducerSettings transactional = ProducerSettings.builder()
                .name("forwarder")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .transactionalId(input + "-tx")
                .build();
        try (SdkProducer<String, String> producer = producer(kafka);
                TransactionalProducer<String, String> forwarder = SdkProducer.builder(
                                transactional, Serdes.string(), Serdes.string())
                        .observations(tracing.registry)
                        .buildTransactional();
                SdkConsumer<String, String> pipeline = consumer(kafka, input, input + "-g")
                        .commitMode(CommitMode.transactional(forwarder))
                        .recordHandler(record -> forwarder.send(OutgoingRecord.of(output, record.key(), "fwd")))
                        .build();
                SdkConsumer<String, String> reader = consumer(kafka, output, output + "-g")
                        .recordHandler(record -> {})
                        .build()) {
            producer.send(OutgoingRecord.of(input, "order-7", "in")).get(30, java.util.concurrent.TimeUnit.SECONDS);
            pipeline.start();
            reader.start();
            await().atMost(WAIT).until(() -> named("process " + output).size() == 1);
        }

        SpanData send = only("send " + input);
        SpanData process = only("process " + input);
        SpanData forward = only("send " + output);
        SpanData downstream = only("process " + output);
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(forward.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(downstream.getParentSpanId()).isEqualTo(forward.getSpanId());
        assertThat(List.of(process, forward, downstream))
                .extracting(SpanData::getTraceId)
                .containsOnly(send.getTraceId());
    }

    @Test
    void mdcNamesTheRecordWhileTheHandlerRunsAndIsClearedAfterEvenOnFailure() throws Exception {
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        RecordHandler<String, String> handler = new HandlerObservations(tracing.registry, "billing", "client-1")
                .wrap((RecordHandler<String, String>) record -> {
                    seen.add(MDC.getCopyOfContextMap());
                    if (record.offset() == 8) {
                        throw new IllegalStateException("boom");
                    }
                });
        MDC.put("request", "r-1");
        try {
            handler.handle(new ConsumerRecord<>("orders", 3, 7, "k", "v"));
            assertThatThrownBy(() -> handler.handle(new ConsumerRecord<>("orders", 3, 8, "k", "v")))
                    .hasMessage("boom");

            assertThat(seen.get(0))
                    .containsEntry(KafkaObservationKeys.MDC_TOPIC, "orders")
                    .containsEntry(KafkaObservationKeys.MDC_PARTITION, "3")
                    .containsEntry(KafkaObservationKeys.MDC_OFFSET, "7")
                    .containsEntry(KafkaObservationKeys.MDC_GROUP, "billing")
                    .containsEntry("request", "r-1");
            assertThat(seen.get(1)).containsEntry(KafkaObservationKeys.MDC_OFFSET, "8");
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("request");
        } finally {
            MDC.clear();
        }
        assertThat(named("process orders"))
                .extracting(s -> attr(s, KafkaObservationKeys.OUTCOME))
                .containsExactly("success", "failure");
    }

    private SdkProducer<String, String> producer(KafkaCluster kafka) {
        ProducerSettings settings = ProducerSettings.builder()
                .name("traced")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .build();
        return SdkProducer.builder(settings, Serdes.string(), Serdes.string())
                .observations(tracing.registry)
                .build();
    }

    private dev.kafkasdk.consumer.SdkConsumerBuilder<String, String> consumer(
            KafkaCluster kafka, String topic, String group) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("traced")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .groupId(group)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .observations(tracing.registry);
    }

    private List<SpanData> named(String name) {
        return tracing.spans().stream().filter(s -> s.getName().equals(name)).toList();
    }

    private SpanData only(String name) {
        List<SpanData> spans = named(name);
        assertThat(spans).as("spans named '%s' among %s", name, tracing.spans()).hasSize(1);
        return spans.get(0);
    }

    private static String attr(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
