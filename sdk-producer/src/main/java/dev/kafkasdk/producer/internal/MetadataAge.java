package dev.kafkasdk.producer.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * When kafka-clients last got a metadata response, read from its {@code metadata-age} metric
 * ({@code producer-metrics}): the one public sign that the cluster answers. A producer without
 * that metric (a test double) never reports an answer.
 */
final class MetadataAge {

    private final Metric metric;

    private MetadataAge(Metric metric) {
        this.metric = metric;
    }

    static MetadataAge of(Producer<byte[], byte[]> kafka) {
        Metric found = null;
        try {
            for (Map.Entry<MetricName, ? extends Metric> e : kafka.metrics().entrySet()) {
                if (e.getKey().name().equals("metadata-age")
                        && e.getKey().group().equals("producer-metrics")) {
                    found = e.getValue();
                }
            }
        } catch (RuntimeException e) {
            found = null;
        }
        return new MetadataAge(found);
    }

    /**
     * How long ago the last successful metadata response arrived.
     *
     * @return the age, or empty when unknown (no response yet, or no metric)
     */
    Optional<Duration> age() {
        if (metric == null) {
            return Optional.empty();
        }
        Object value = metric.metricValue();
        if (!(value instanceof Number seconds)
                || Double.isNaN(seconds.doubleValue())
                || seconds.doubleValue() >= TimeUnit.DAYS.toSeconds(365)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (seconds.doubleValue() * 1e9)));
    }

    /**
     * The {@link System#nanoTime()} of the last successful metadata response.
     *
     * @param now the current {@code nanoTime}
     * @return the time, or {@code Long.MIN_VALUE}-like far past when unknown
     */
    long lastSuccessNanos(long now) {
        if (metric == null) {
            return now - TimeUnit.DAYS.toNanos(365);
        }
        Object value = metric.metricValue();
        if (!(value instanceof Number seconds) || Double.isNaN(seconds.doubleValue())) {
            return now - TimeUnit.DAYS.toNanos(365);
        }
        double ageSeconds = Math.min(seconds.doubleValue(), TimeUnit.DAYS.toSeconds(365));
        return now - (long) (ageSeconds * 1e9);
    }
}
