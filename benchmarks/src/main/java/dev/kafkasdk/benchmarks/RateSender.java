package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SdkProducerBuilder;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One client of the fixed-rate benchmark behind a common send call: the SDK's {@link SdkProducer},
 * a raw {@link KafkaProducer} or Spring's {@link KafkaTemplate}. Each sends a value without a key and
 * calls {@link Acked#acked(long, Throwable)} with the record's intended send time when the broker's
 * answer arrives (on whatever thread the client completes on).
 *
 * <p>Threading: {@link #send} from one thread; closing waits for the client's own close.
 */
interface RateSender extends AutoCloseable {

    /** Receives acknowledgements. */
    @FunctionalInterface
    interface Acked {
        /**
         * Called once per record.
         *
         * @param intendedNanos the record's intended send time ({@link System#nanoTime()} scale)
         * @param error the failure, or {@code null}
         */
        void acked(long intendedNanos, Throwable error);
    }

    /**
     * Sends one value.
     *
     * @param topic the topic
     * @param value the value (owned by the client from now on)
     * @param intendedNanos the record's intended send time, handed back to {@code acked}
     * @param acked the acknowledgement receiver
     */
    void send(String topic, byte[] value, long intendedNanos, Acked acked);

    @Override
    void close();

    /**
     * The SDK producer.
     *
     * @param settings its settings
     * @param inlineCompletions whether callbacks run on kafka-clients' I/O thread (a direct completion
     *     executor) rather than on the SDK's completion thread
     * @return the sender
     */
    static RateSender sdk(ProducerSettings settings, boolean inlineCompletions) {
        SdkProducerBuilder<byte[], byte[]> builder =
                SdkProducer.builder(settings, Serdes.byteArray(), Serdes.byteArray());
        if (inlineCompletions) {
            builder.completionExecutor(Runnable::run);
        }
        SdkProducer<byte[], byte[]> producer = builder.build();
        return new RateSender() {
            @Override
            public void send(String topic, byte[] value, long intendedNanos, Acked acked) {
                producer.send(
                        OutgoingRecord.<byte[], byte[]>of(topic, value),
                        (result, error) -> acked.acked(intendedNanos, error));
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    /**
     * A raw kafka-clients producer.
     *
     * @param properties its properties (copied)
     * @return the sender
     */
    static RateSender raw(Map<String, Object> properties) {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(new HashMap<>(properties), new ByteArraySerializer(), new ByteArraySerializer());
        return new RateSender() {
            @Override
            public void send(String topic, byte[] value, long intendedNanos, Acked acked) {
                producer.send(
                        new ProducerRecord<>(topic, value), (metadata, error) -> acked.acked(intendedNanos, error));
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    /**
     * Spring's {@link KafkaTemplate} over a {@link DefaultKafkaProducerFactory} with the given
     * properties, used as a plain object (no application context, no observation).
     *
     * @param properties kafka-clients producer properties (copied)
     * @return the sender
     */
    static RateSender spring(Map<String, Object> properties) {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
                new HashMap<>(properties), new ByteArraySerializer(), new ByteArraySerializer());
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(factory);
        factory.createProducer(); // the shared producer, before the clock starts
        return new RateSender() {
            @Override
            public void send(String topic, byte[] value, long intendedNanos, Acked acked) {
                template.send(topic, value).whenComplete((result, error) -> acked.acked(intendedNanos, error));
            }

            @Override
            public void close() {
                factory.destroy();
            }
        };
    }
}
