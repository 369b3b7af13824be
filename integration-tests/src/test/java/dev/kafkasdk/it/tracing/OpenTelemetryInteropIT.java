package dev.kafkasdk.it.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interop with OpenTelemetry's own kafka-clients instrumentation
 * ({@code io.opentelemetry.instrumentation:opentelemetry-kafka-clients-2.6}, {@link KafkaTelemetry}
 * wrapping plain kafka-clients clients): both speak W3C {@code traceparent} headers, so a trace
 * crosses the broker in either direction. Spans of both go to one in-memory exporter.
 */
@KafkaBroker
class OpenTelemetryInteropIT {

    private static final String OTEL_SCOPE = "io.opentelemetry.kafka-clients-2.6";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final KafkaTelemetry otel = KafkaTelemetry.create(tracing.openTelemetry);

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    @Test
    void aRecordSentByOpenTelemetrysWrappedProducerContinuesItsTraceInOurHandler(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("otel-in");
        kafka.createTopic(topic, 1, 1);
        List<String> traceInHandler = new CopyOnWriteArrayList<>();
        Span request = tracing.openTelemetry
                .getTracer("it")
                .spanBuilder("http request")
                .startSpan();
        try (Producer<String, String> producer = otel.wrap(new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
                SdkConsumer<String, String> consumer = ourConsumer(kafka, topic, record -> {
                    var current = tracing.tracer.currentSpan();
                    traceInHandler.add(
                            current == null ? "none" : current.context().traceId());
                })) {
            try (Scope scope = request.makeCurrent()) {
                producer.send(new ProducerRecord<>(topic, "order-1", "paid")).get(30, TimeUnit.SECONDS);
            } finally {
                request.end();
            }
            consumer.start();
            await().atMost(WAIT).until(() -> named("process " + topic).size() == 1);
        }

        SpanData send = otelSpan(SpanKind.PRODUCER);
        SpanData process = named("process " + topic).get(0);
        assertThat(send.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(process.getTraceId()).isEqualTo(send.getTraceId());
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(traceInHandler).containsExactly(send.getTraceId());
    }

    @Test
    void aRecordSentByOurProducerContinuesItsTraceInOpenTelemetrysWrappedConsumer(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("otel-out");
        kafka.createTopic(topic, 1, 1);
        ProducerSettings settings = ProducerSettings.builder()
                .name("interop")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .build();
        try (SdkProducer<String, String> producer = SdkProducer.builder(settings, Serdes.string(), Serdes.string())
                .observations(tracing.registry)
                .build()) {
            producer.send(OutgoingRecord.of(topic, "order-2", "paid")).get(30, TimeUnit.SECONDS);
        }
        List<String> traceWhileProcessing = new CopyOnWriteArrayList<>();
        try (Consumer<String, String> consumer = otel.wrap(new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                topic + "-g",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class)))) {
            consumer.subscribe(List.of(topic));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    traceWhileProcessing.add(Span.current().getSpanContext().getTraceId());
                }
                return !traceWhileProcessing.isEmpty();
            });
        }

        SpanData send = named("send " + topic).get(0);
        SpanData process = otelSpan(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(send.getTraceId());
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(traceWhileProcessing).containsExactly(send.getTraceId());
    }

    private SdkConsumer<String, String> ourConsumer(
            KafkaCluster kafka, String topic, dev.kafkasdk.consumer.RecordHandler<String, String> handler) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("interop")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .groupId(topic + "-g")
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .observations(tracing.registry)
                .recordHandler(handler)
                .build();
    }

    private List<SpanData> named(String name) {
        return tracing.spans().stream().filter(s -> s.getName().equals(name)).toList();
    }

    /** The one span of OpenTelemetry's instrumentation of that kind. */
    private SpanData otelSpan(SpanKind kind) {
        List<SpanData> spans = tracing.spans().stream()
                .filter(s -> s.getInstrumentationScopeInfo().getName().equals(OTEL_SCOPE))
                .filter(s -> s.getKind() == kind)
                .toList();
        assertThat(spans)
                .as("%s spans of %s among %s", kind, OTEL_SCOPE, tracing.spans())
                .hasSize(1);
        return spans.get(0);
    }
}
