package dev.kafkasdk.it.telemetry;

import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** Clients of the KIP-714 tests: every kind, with a short client-instance-id-timeout. */
final class Kip714Clients {

    private Kip714Clients() {}

    static ClusterSettings cluster(KafkaCluster kafka, Duration timeout) {
        return ClusterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .clientInstanceIdTimeout(timeout)
                .clientInstanceIdTag(true)
                .build();
    }

    static SdkProducer<String, String> producer(ClusterSettings cluster, MeterRegistry registry) {
        ProducerSettings settings =
                ProducerSettings.builder().name("kip714").cluster(cluster).build();
        return SdkProducer.builder(settings, Serdes.string(), Serdes.string())
                .metrics(registry, java.util.List.of())
                .build();
    }

    static SdkConsumer<String, String> consumer(ClusterSettings cluster, String topic) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("kip714")
                .cluster(cluster)
                .groupId(topic + "-g")
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> {})
                .build();
    }

    /** An admin with {@code enable.metrics.push=true} (kafka-clients' admin default is false). */
    static SdkAdmin admin(ClusterSettings cluster) {
        return SdkAdmin.create(AdminSettings.builder()
                .name("kip714")
                .cluster(cluster)
                .property("enable.metrics.push", "true")
                .build());
    }
}
