package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Produces and consumes {@code String} records with short-lived clients, one per call. Stateless
 * apart from its settings; thread-safe.
 */
final class RecordIo {

    private static final int REQUEST_TIMEOUT_MS = 10_000;

    private final String bootstrapServers;
    private final Duration timeout;
    private final Map<String, Object> security;

    RecordIo(String bootstrapServers, Duration timeout) {
        this(bootstrapServers, timeout, Map.of());
    }

    /** Clients that add {@code security} (protocol, SASL and store settings) to their properties. */
    RecordIo(String bootstrapServers, Duration timeout, Map<String, Object> security) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.security = Map.copyOf(security);
    }

    List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        Map<String, Object> props = ClientProperties.producer(bootstrapServers);
        props.putAll(security);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "kafka-sdk-test-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), REQUEST_TIMEOUT_MS));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                futures.add(producer.send(record));
            }
            producer.flush();
            List<RecordMetadata> acked = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                acked.add(await(futures.get(i), records.get(i).topic(), i));
            }
            return acked;
        } catch (KafkaException e) {
            throw new KafkaTestKitException("Could not send to " + topics(records) + ": " + e, e);
        }
    }

    private RecordMetadata await(Future<RecordMetadata> future, String topic, int index) {
        try {
            return future.get(timeout.toMillis() + REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaTestKitException(
                    "Record " + index + " to topic " + topic + " was not acknowledged: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaTestKitException(
                    "Record " + index + " to topic " + topic + " was not acknowledged in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while sending to topic " + topic, e);
        }
    }

    List<ConsumerRecord<String, String>> consume(String topic, int expectedCount, Duration waitFor) {
        long deadline = System.nanoTime() + waitFor.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (records.size() < expectedCount) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new KafkaTestKitException("Expected " + expectedCount
                            + (expectedCount == 1 ? " record" : " records") + " from topic " + topic
                            + " (partitions " + partitions.size() + ") within " + waitFor.toMillis()
                            + " ms but read " + records.size());
                }
                consumer.poll(Duration.ofNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200))))
                        .forEach(records::add);
            }
            return records;
        }
    }

    List<ConsumerRecord<String, String>> consumeAll(String topic, Duration waitFor) {
        long deadline = System.nanoTime() + waitFor.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (!reached(consumer, end)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new KafkaTestKitException("Could not read topic " + topic + " up to its end offsets " + end
                            + " within " + waitFor.toMillis() + " ms; read " + records.size()
                            + (records.size() == 1 ? " record" : " records"));
                }
                consumer.poll(Duration.ofNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200))))
                        .forEach(records::add);
            }
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaTestKitException("Timed out reading topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = ClientProperties.consumer(bootstrapServers);
        props.putAll(security);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-sdk-test-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        return props;
    }

    /** Waits until the topic's partitions are known, assigns all of them and seeks to the beginning. */
    private static List<TopicPartition> assignFromBeginning(
            KafkaConsumer<String, String> consumer, String topic, long deadline) {
        AtomicReference<List<PartitionInfo>> found = new AtomicReference<>(List.of());
        Poller.await("topic " + topic + " to exist", remaining(deadline), () -> {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            found.set(infos == null ? List.of() : infos);
            return !found.get().isEmpty();
        });
        List<TopicPartition> partitions = found.get().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    private static String topics(List<ProducerRecord<String, String>> records) {
        return records.stream().map(ProducerRecord::topic).distinct().collect(Collectors.joining(", "));
    }
}
