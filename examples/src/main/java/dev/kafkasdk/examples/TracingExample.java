package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.observation.BatchLinkingTracingHandler;
import dev.kafkasdk.core.observation.KafkaObservationKeys;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One record's journey as one trace: a "checkout" span sends an order, the consumer's handler
 * fails on it twice (retried in place), the third failure sends it to the dead-letter topic, and
 * a reader of that topic handles it. Micrometer Tracing runs over the OpenTelemetry SDK; the
 * finished spans are kept in memory and printed as a tree. In a service, replace the in-memory
 * exporter with OTLP (see {@code docs/tracing.md}).
 *
 * <pre>
 *   examples/run TracingExample [--bootstrap-servers host:port]
 * </pre>
 */
public final class TracingExample {

    /**
     * One finished span.
     *
     * @param traceId the trace id
     * @param spanId the span id
     * @param parentId the parent span id, or all zeros for a root
     * @param name the span name
     * @param kind the span kind
     * @param attempt the {@code messaging.kafka.attempt} attribute, or null
     * @param outcome the {@code outcome} attribute, or null
     * @param startNanos the start, epoch nanoseconds
     */
    public record FinishedSpan(
            String traceId,
            String spanId,
            String parentId,
            String name,
            String kind,
            String attempt,
            String outcome,
            long startNanos) {}

    /**
     * What the example traced.
     *
     * @param spans every finished span, in start order
     */
    public record Result(List<FinishedSpan> spans) {
        /** @return the spans as an indented tree, one line each */
        public String format() {
            StringBuilder out = new StringBuilder();
            spans.stream()
                    .filter(s -> spans.stream().noneMatch(p -> p.spanId().equals(s.parentId())))
                    .forEach(root -> append(out, root, 0));
            return out.toString();
        }

        private void append(StringBuilder out, FinishedSpan span, int depth) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n      %s%s [%s]%s%s  trace %s span %s",
                    "  ".repeat(depth),
                    span.name(),
                    span.kind(),
                    span.attempt() == null ? "" : " attempt " + span.attempt(),
                    span.outcome() == null ? "" : " " + span.outcome(),
                    span.traceId().substring(0, 8),
                    span.spanId().substring(0, 8)));
            spans.stream()
                    .filter(child -> child.parentId().equals(span.spanId()))
                    .forEach(child -> append(out, child, depth + 1));
        }
    }

    private TracingExample() {}

    /**
     * Runs the example and prints the trace.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Result result = run(kafka.settings(), kafka.name("examples.traced-orders"), kafka.name("traced"));
            Console.line("one order's journey:%s", result.format());
        }
    }

    /**
     * Sends one order inside a span, fails on it three times, dead-letters it and reads the dead
     * letter back, all traced.
     *
     * @param cluster the cluster
     * @param topic the topic to create and use; {@code topic.DLT} is created too
     * @param groupId the consumer group
     * @return the finished spans
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(ClusterSettings cluster, String topic, String groupId) throws Exception {
        String deadLetters = topic + ".DLT";
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 1), ExampleTopics.topic(deadLetters, 1));
        List<SpanData> finished = new CopyOnWriteArrayList<>();
        CountDownLatch deadLetterHandled = new CountDownLatch(1);
        OpenTelemetrySdk openTelemetry = openTelemetry(finished, "process " + deadLetters, deadLetterHandled);
        try {
            // tag::wiring[]
            io.opentelemetry.api.trace.Tracer otel = openTelemetry.getTracer("orders-service");
            OtelCurrentTraceContext current = new OtelCurrentTraceContext();
            Tracer tracer =
                    new OtelTracer(otel, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
            OtelPropagator propagator = new OtelPropagator(openTelemetry.getPropagators(), otel);

            ObservationRegistry observations = ObservationRegistry.create();
            observations
                    .observationConfig()
                    .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                            new BatchLinkingTracingHandler(tracer), // batch spans: one link per record
                            new PropagatingSenderTracingObservationHandler<>(tracer, propagator), // sends
                            new PropagatingReceiverTracingObservationHandler<>(tracer, propagator), // handlers
                            new DefaultTracingObservationHandler(tracer)));
            // end::wiring[]
            journey(cluster, topic, groupId, deadLetters, tracer, observations, deadLetterHandled);
        } finally {
            openTelemetry.close();
        }
        return new Result(finished.stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(TracingExample::view)
                .toList());
    }

    private static void journey(
            ClusterSettings cluster,
            String topic,
            String groupId,
            String deadLetters,
            Tracer tracer,
            ObservationRegistry observations,
            CountDownLatch deadLetterHandled)
            throws Exception {
        ProducerSettings producerSettings =
                ProducerSettings.builder().name("checkout").cluster(cluster).build();
        ConsumerSettings consumerSettings = ConsumerSettings.builder()
                .name("payments")
                .cluster(cluster)
                .groupId(groupId)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        FailurePolicy policy = FailurePolicy.builder()
                .maxAttempts(3)
                .backoff(Duration.ofMillis(100), 1.0, Duration.ofMillis(100))
                .onExhausted(FailureAction.DEAD_LETTER)
                .build();
        // tag::observed-clients[]
        SdkProducer<String, String> producer = SdkProducer.builder(producerSettings, Serdes.string(), Serdes.string())
                .observations(observations) // one "send <topic>" span per record, context in its headers
                .build();
        SdkConsumer<String, String> payments = SdkConsumer.builder(consumerSettings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .failurePolicy(policy)
                .deadLettersToKafka()
                .observations(observations) // one "process <topic>" span per attempt, child of the send
                .recordHandler(record -> {
                    throw new IllegalStateException("card declined for " + record.key());
                })
                .build();
        // end::observed-clients[]
        SdkConsumer<String, String> deadLetterReader = SdkConsumer.builder(
                        ConsumerSettings.from(consumerSettings)
                                .name("dlt-reader")
                                .groupId(groupId + "-dlt")
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(deadLetters)
                .commitMode(CommitMode.syncPerBatch())
                .observations(observations)
                .recordHandler(record -> {})
                .build();
        try (producer;
                payments;
                deadLetterReader) {
            Span checkout = tracer.nextSpan().name("checkout").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(checkout)) {
                producer.send(OutgoingRecord.of(topic, "order-42", "{\"amount\": 1999}"))
                        .get(30, TimeUnit.SECONDS);
            } finally {
                checkout.end();
            }
            payments.start();
            deadLetterReader.start();
            if (!deadLetterHandled.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the dead letter was not handled within 60 s");
            }
        }
    }

    private static OpenTelemetrySdk openTelemetry(
            Collection<SpanData> finished, String lastSpan, CountDownLatch lastSpanFinished) {
        SpanExporter keep = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                if (spans.stream().anyMatch(s -> s.getName().equals(lastSpan))) {
                    lastSpanFinished.countDown();
                }
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(keep))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private static FinishedSpan view(SpanData span) {
        return new FinishedSpan(
                span.getTraceId(),
                span.getSpanId(),
                span.getParentSpanId(),
                span.getName(),
                span.getKind().name(),
                span.getAttributes().get(AttributeKey.stringKey(KafkaObservationKeys.ATTEMPT)),
                span.getAttributes().get(AttributeKey.stringKey(KafkaObservationKeys.OUTCOME)),
                span.getStartEpochNanos());
    }
}
