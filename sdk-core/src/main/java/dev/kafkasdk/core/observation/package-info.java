/**
 * Observations of Kafka sends and record handling through Micrometer's Observation API, with the
 * trace context carried in record headers. The SDK depends on {@code micrometer-observation} only;
 * a tracer (Micrometer Tracing with its OpenTelemetry or Brave bridge) is the application's choice.
 * The contexts here are what an {@code ObservationHandler} or {@code ObservationFilter} sees:
 * {@link dev.kafkasdk.core.observation.KafkaSendContext} for a send,
 * {@link dev.kafkasdk.core.observation.KafkaProcessContext} for one handled record and
 * {@link dev.kafkasdk.core.observation.KafkaBatchProcessContext} for a handled batch.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.observation;

import org.jspecify.annotations.NullMarked;
