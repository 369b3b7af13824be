package dev.kafkasdk.it.telemetry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.server.telemetry.ClientTelemetryExporter;
import org.apache.kafka.server.telemetry.ClientTelemetryExporterProvider;

/**
 * The smallest client telemetry plugin a broker accepts: a metrics reporter that implements
 * {@link ClientTelemetryExporterProvider} (KIP-714). With it in {@code metric.reporters} the broker
 * advertises the telemetry APIs and assigns each client an instance id; the pushed metrics are
 * only counted. Used by {@link ClientInstanceIdWithPluginIT} through the kit's broker properties.
 */
public final class TestClientTelemetryReporter implements MetricsReporter, ClientTelemetryExporterProvider {

    /** How many metric pushes brokers of this JVM received. */
    public static final AtomicInteger PUSHES = new AtomicInteger();

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void init(List<KafkaMetric> metrics) {}

    @Override
    public void metricChange(KafkaMetric metric) {}

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}

    @Override
    public ClientTelemetryExporter clientTelemetryExporter() {
        return (context, payload) -> PUSHES.incrementAndGet();
    }
}
