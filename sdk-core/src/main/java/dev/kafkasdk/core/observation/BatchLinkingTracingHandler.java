package dev.kafkasdk.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Makes the span of a handled batch with one span link per record that carries a W3C
 * {@code traceparent} header (the producer's context), up to a cap. Micrometer Tracing's default
 * handler has no notion of links, so register this one ahead of it, for example first in a
 * {@code FirstMatchingCompositeObservationHandler} or before the default tracing handler in the
 * registry. The batch span itself is a child of the span current on the polling thread, or a new
 * trace. Needs {@code io.micrometer:micrometer-tracing} on the class path (the SDK declares it
 * optional). Thread-safe; the tracer stays the caller's.
 *
 * <pre>{@code
 * registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
 *         new BatchLinkingTracingHandler(tracer),
 *         new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
 *         new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
 *         new DefaultTracingObservationHandler(tracer)));
 * }</pre>
 *
 * @since 0.1
 */
public final class BatchLinkingTracingHandler implements TracingObservationHandler<KafkaBatchProcessContext> {

    /** The default cap on links per batch span. */
    public static final int DEFAULT_MAX_LINKS = 1000;

    private final Tracer tracer;
    private final int maxLinks;

    /**
     * A handler that links up to {@value #DEFAULT_MAX_LINKS} records per batch.
     *
     * @param tracer the caller's tracer
     */
    public BatchLinkingTracingHandler(Tracer tracer) {
        this(tracer, DEFAULT_MAX_LINKS);
    }

    /**
     * A handler with a cap on links per batch.
     *
     * @param tracer the caller's tracer
     * @param maxLinks at most this many links per batch span, 0 or more
     * @throws IllegalArgumentException if {@code maxLinks} is negative
     */
    public BatchLinkingTracingHandler(Tracer tracer, int maxLinks) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        if (maxLinks < 0) {
            throw new IllegalArgumentException("maxLinks is " + maxLinks + "; it must be 0 or more");
        }
        this.maxLinks = maxLinks;
    }

    @Override
    public void onStart(KafkaBatchProcessContext context) {
        Span.Builder builder = tracer.spanBuilder().name(getSpanName(context)).kind(Span.Kind.CONSUMER);
        Span parent = getParentSpan(context);
        if (parent != null) {
            builder.setParent(parent.context());
        } else {
            builder.setNoParent();
        }
        int links = 0;
        for (Headers headers : context.recordHeaders()) {
            if (links >= maxLinks) {
                break;
            }
            TraceContext producer = parse(KafkaHeadersCarrier.get(headers, KafkaObservationKeys.TRACEPARENT));
            if (producer != null) {
                builder.addLink(new Link(producer));
                links++;
            }
        }
        getTracingContext(context).setSpan(builder.start());
    }

    @Override
    public void onStop(KafkaBatchProcessContext context) {
        Span span = getRequiredSpan(context);
        span.name(getSpanName(context));
        tagSpan(context, span);
        endSpan(context, span);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaBatchProcessContext;
    }

    @Override
    public Tracer getTracer() {
        return tracer;
    }

    /** A W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) as a trace context, or null. */
    private @Nullable TraceContext parse(@Nullable String traceparent) {
        if (traceparent == null || traceparent.length() < 55) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        if (parts.length < 4
                || parts[1].length() != 32
                || parts[2].length() != 16
                || parts[3].length() != 2
                || !isHex(parts[1])
                || !isHex(parts[2])
                || !isHex(parts[3])) {
            return null;
        }
        boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
        return tracer.traceContextBuilder()
                .traceId(parts[1])
                .spanId(parts[2])
                .sampled(sampled)
                .build();
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
