package dev.kafkasdk.producer;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A kafka-clients {@link MockProducer} of bytes plugged into an SDK producer builder, plus the
 * properties the SDK rendered for it. Pure logic tests only: integration tests use a real broker.
 */
final class MockKafka {

    final MockProducer<byte[], byte[]> mock;
    final Map<String, Object> properties = new HashMap<>();

    /** A mock whose sends stay pending until the test completes or fails them. */
    MockKafka() {
        this(false);
    }

    /**
     * A mock producer.
     *
     * @param autoComplete whether each send succeeds at once
     */
    MockKafka(boolean autoComplete) {
        mock = new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static ProducerSettings.Builder settings() {
        return ProducerSettings.builder().name("orders").cluster(ClusterSettings.of("127.0.0.1:9"));
    }

    <K, V> SdkProducerBuilder<K, V> builder(
            ProducerSettings settings,
            org.apache.kafka.common.serialization.Serde<K> keySerde,
            org.apache.kafka.common.serialization.Serde<V> valueSerde) {
        return SdkProducer.builder(settings, keySerde, valueSerde).clientFactory(props -> {
            properties.putAll(props);
            return mock;
        });
    }

    SdkProducerBuilder<String, String> strings() {
        return builder(settings().build(), Serdes.string(), Serdes.string());
    }
}
