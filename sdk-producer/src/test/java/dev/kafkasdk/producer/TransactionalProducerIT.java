package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

/** Transactions against a real broker, read back with {@code read_committed} consumers. */
@KafkaBroker(brokerProperties = {"transaction.state.log.num.partitions=3", "offsets.topic.num.partitions=3"})
class TransactionalProducerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ProducerSettings transactional(KafkaCluster kafka, String id) {
        return ProducerIT.settings(kafka, "tx").transactionalId(id).build();
    }

    @Test
    void committedTransactionIsVisibleToReadCommittedAndAbortedIsNot(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("tx-visibility");
        kafka.createTopic(topic, 2);
        IllegalStateException abortReason = new IllegalStateException("business rule failed");
        try (TransactionalProducer<String, String> producer = TransactionalProducer.create(
                transactional(kafka, kafka.uniqueTopicName("txid")), Serdes.string(), Serdes.string())) {
            producer.runInTransaction(tx -> {
                for (int i = 0; i < 5; i++) {
                    tx.send(topic, "c" + i, "committed-" + i);
                }
            });
            assertThatThrownBy(() -> producer.runInTransaction(tx -> {
                        for (int i = 0; i < 5; i++) {
                            tx.send(topic, "a" + i, "aborted-" + i);
                        }
                        tx.send(topic, "a-last", "aborted-last").join();
                        throw abortReason;
                    }))
                    .isSameAs(abortReason);
            producer.runInTransaction(tx -> tx.send(topic, "c5", "committed-5"));
        }

        List<String> committedReader = readAll(kafka, topic, "read_committed");
        List<String> uncommittedReader = readAll(kafka, topic, "read_uncommitted");

        assertThat(committedReader)
                .containsExactlyInAnyOrder(
                        "committed-0", "committed-1", "committed-2", "committed-3", "committed-4", "committed-5");
        assertThat(uncommittedReader).hasSize(12).contains("aborted-0", "aborted-last");
    }

    @Test
    void consumedOffsetsCommitTogetherWithTheOutput(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopicName("ctp-in");
        String output = kafka.uniqueTopicName("ctp-out");
        String group = kafka.uniqueTopicName("ctp-group");
        kafka.createTopic(input, 1);
        kafka.createTopic(output, 1);
        kafka.produceValues(input, List.of("a", "b", "c"));
        Map<String, Object> props = kafka.consumerProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
                TransactionalProducer<String, String> producer = TransactionalProducer.create(
                        transactional(kafka, kafka.uniqueTopicName("ctp-txid")), Serdes.string(), Serdes.string())) {
            consumer.subscribe(List.of(input));
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                return batch.size() >= 3;
            });
            long next = batch.get(batch.size() - 1).offset() + 1;

            producer.runInTransaction(tx -> {
                for (ConsumerRecord<String, String> record : batch) {
                    tx.send(output, record.key(), record.value().toUpperCase());
                }
                tx.sendOffsets(
                        Map.of(new TopicPartition(input, 0), new OffsetAndMetadata(next)), consumer.groupMetadata());
            });
        }

        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            assertThat(committed.get(new TopicPartition(input, 0)).offset()).isEqualTo(3);
        }
        assertThat(readAll(kafka, output, "read_committed")).containsExactly("A", "B", "C");
    }

    @Test
    void aFencedProducerFailsFatallyAndClosesItself(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("fenced");
        kafka.createTopic(topic, 1);
        String transactionalId = kafka.uniqueTopicName("shared-txid");
        TransactionalProducer<String, String> zombie =
                TransactionalProducer.create(transactional(kafka, transactionalId), Serdes.string(), Serdes.string());
        try (TransactionalProducer<String, String> successor =
                TransactionalProducer.create(transactional(kafka, transactionalId), Serdes.string(), Serdes.string())) {

            assertThatThrownBy(() -> zombie.runInTransaction(tx -> tx.send(topic, "z", "zombie")))
                    .isInstanceOf(FatalKafkaSdkException.class)
                    .hasRootCauseInstanceOf(ProducerFencedException.class)
                    .hasMessageContaining(transactionalId);
            assertThat(zombie.isClosed()).isTrue();
            assertThat(ProducerIT.failureOf(zombie.send(topic, "z", "again")))
                    .isInstanceOf(FatalKafkaSdkException.class);

            successor.runInTransaction(tx -> tx.send(topic, "s", "successor"));
        } finally {
            zombie.close();
        }
        assertThat(readAll(kafka, topic, "read_committed")).containsExactly("successor");
    }

    /** Reads every record up to the end offsets visible at the given isolation level. */
    private static List<String> readAll(KafkaCluster kafka, String topic, String isolation) {
        Map<String, Object> props = kafka.consumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return values;
        }
    }
}
