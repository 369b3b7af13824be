package dev.kafkasdk.consumer.it;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.transaction.TransactionalSink;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** A minimal TransactionalSink over a raw transactional KafkaProducer, for the consumer's tests only. */
final class TestTransactionalSink implements TransactionalSink<String, String>, AutoCloseable {

    private final KafkaProducer<String, String> producer;

    TestTransactionalSink(String bootstrap, String transactionalId) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                0));
        producer.initTransactions();
    }

    @Override
    public void beginTransaction() {
        wrap(producer::beginTransaction);
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    result.complete(metadata);
                } else {
                    result.completeExceptionally(error);
                }
            });
        } catch (KafkaException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        wrap(() -> producer.sendOffsetsToTransaction(offsets, group));
    }

    @Override
    public void commitTransaction() {
        wrap(producer::commitTransaction);
    }

    @Override
    public void abortTransaction() {
        wrap(producer::abortTransaction);
    }

    private static void wrap(Runnable action) {
        try {
            action.run();
        } catch (KafkaException e) {
            throw KafkaSdkException.builder("transactional sink: " + e.getMessage())
                    .cause(e)
                    .build();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
