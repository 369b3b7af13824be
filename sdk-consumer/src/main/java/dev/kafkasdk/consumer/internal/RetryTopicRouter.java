package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.RetryTopicHeaders;
import dev.kafkasdk.consumer.RetryTopics;
import dev.kafkasdk.core.KafkaSdkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves failed records to their next retry tier: publishes a copy (same key, value and headers, plus
 * the {@link RetryTopicHeaders}) to the tier topic's partition with the source's partition number, and
 * returns only once the broker acknowledged it, so the caller may then count the record as completed.
 * Records past the last tier, or whose failure is not retriable, are handed back for the dead-letter
 * topic. Thread-safe (workers of the concurrent modes call it); owns its producer.
 */
final class RetryTopicRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetryTopicRouter.class);
    private static final String PREFIX = "kafkasdk.retry.";

    private final RetryTopics topics;
    private final Producer<byte[], byte[]> producer;
    private final String clientId;
    private final Duration publishTimeout;
    private final ConsumerMetrics metrics;

    RetryTopicRouter(
            RetryTopics topics,
            Producer<byte[], byte[]> producer,
            String clientId,
            Duration publishTimeout,
            ConsumerMetrics metrics) {
        this.topics = topics;
        this.producer = producer;
        this.clientId = clientId;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
    }

    static RetryTopicRouter create(
            RetryTopics topics,
            Map<String, Object> consumerProperties,
            String clientId,
            Duration publishTimeout,
            ConsumerMetrics metrics) {
        Map<String, Object> props = KafkaDeadLetterPublisher.producerProperties(consumerProperties, publishTimeout);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-retry");
        return new RetryTopicRouter(topics, new KafkaProducer<>(props), clientId, publishTimeout, metrics);
    }

    RetryTopics topics() {
        return topics;
    }

    /**
     * Publishes each record to its next tier and waits for the acknowledgements.
     *
     * @param records the failed records
     * @param cause the handler's failure
     * @return the records that go to the dead-letter topic instead (last tier passed, or not retriable)
     * @throws StopConsumerException when a tier copy cannot be stored within the publish timeout
     */
    List<ConsumerRecord<byte[], byte[]>> forward(List<ConsumerRecord<byte[], byte[]>> records, Throwable cause) {
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> moved = new ArrayList<>();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            OptionalInt tier = topics.tierOf(record.topic());
            int next = tier.isPresent() ? tier.getAsInt() + 1 : 0;
            if (next >= topics.tiers().size() || !topics.retries(cause)) {
                dead.add(record);
                continue;
            }
            String target = topics.tierTopic(topics.mainTopic(record.topic()), next);
            long due = now + topics.tiers().get(next).toMillis();
            moved.add(record);
            targets.add(target);
            sent.add(send(target, record, headers(record, next + 1, cause, now, due)));
        }
        for (int i = 0; i < sent.size(); i++) {
            await(sent.get(i), moved.get(i), targets.get(i));
            metrics.retryScheduled();
            ConsumerRecord<byte[], byte[]> record = moved.get(i);
            LOG.warn(
                    "Handler failed on {}-{}@{}: {}; moved to {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    cause.toString(),
                    targets.get(i));
        }
        return dead;
    }

    private CompletableFuture<Void> send(String target, ConsumerRecord<byte[], byte[]> record, Headers headers) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            int partition = partitionIn(target, record.partition());
            producer.send(
                    new ProducerRecord<>(target, partition, record.key(), record.value(), headers),
                    (metadata, error) -> {
                        if (error == null) {
                            result.complete(null);
                        } else {
                            result.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** The same partition number when the tier has it; tier topics should have the main topic's count. */
    private int partitionIn(String target, int partition) {
        List<PartitionInfo> infos = producer.partitionsFor(target);
        if (infos == null || infos.isEmpty() || partition < infos.size()) {
            return partition;
        }
        return partition % infos.size();
    }

    private void await(CompletableFuture<Void> sent, ConsumerRecord<byte[], byte[]> record, String target) {
        try {
            sent.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stop("Interrupted while moving a record to " + target, record, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            throw stop(
                    "Cannot move " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " to retry topic " + target + " within " + publishTimeout.toMillis()
                            + " ms; stopping without committing it",
                    record,
                    failure);
        }
    }

    private StopConsumerException stop(String message, ConsumerRecord<?, ?> record, Throwable cause) {
        return new StopConsumerException(KafkaSdkException.builder(message)
                .topic(record.topic())
                .partition(record.partition())
                .offset(record.offset())
                .clientId(clientId)
                .cause(cause)
                .fatal());
    }

    /** The record's own headers without an earlier tier's, plus this tier's. */
    static RecordHeaders headers(
            ConsumerRecord<byte[], byte[]> record, int attempt, Throwable cause, long nowMillis, long dueMillis) {
        Map<String, String> original = original(record);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX)) {
                headers.add(header.key(), header.value());
            }
        }
        add(headers, RetryTopicHeaders.ORIGINAL_TOPIC, original.get(RetryTopicHeaders.ORIGINAL_TOPIC));
        add(headers, RetryTopicHeaders.ORIGINAL_PARTITION, original.get(RetryTopicHeaders.ORIGINAL_PARTITION));
        add(headers, RetryTopicHeaders.ORIGINAL_OFFSET, original.get(RetryTopicHeaders.ORIGINAL_OFFSET));
        add(headers, RetryTopicHeaders.ORIGINAL_TIMESTAMP, original.get(RetryTopicHeaders.ORIGINAL_TIMESTAMP));
        add(headers, RetryTopicHeaders.ATTEMPT, Integer.toString(attempt));
        add(headers, RetryTopicHeaders.EXCEPTION_CLASS, cause.getClass().getName());
        String message = cause.getMessage();
        add(headers, RetryTopicHeaders.EXCEPTION_MESSAGE, message == null ? "" : message);
        String first = header(record, RetryTopicHeaders.FIRST_FAILURE_TIME);
        add(headers, RetryTopicHeaders.FIRST_FAILURE_TIME, first != null ? first : Long.toString(nowMillis));
        add(headers, RetryTopicHeaders.DUE_TIME, Long.toString(dueMillis));
        return headers;
    }

    /**
     * The main-topic coordinates of a record: from its retry headers when it came from a tier, else its
     * own.
     *
     * @param record the record
     * @return the four {@code ORIGINAL_*} header values by header name
     */
    static Map<String, String> original(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> result = new HashMap<>();
        String topic = header(record, RetryTopicHeaders.ORIGINAL_TOPIC);
        if (topic != null) {
            result.put(RetryTopicHeaders.ORIGINAL_TOPIC, topic);
            result.put(RetryTopicHeaders.ORIGINAL_PARTITION, header(record, RetryTopicHeaders.ORIGINAL_PARTITION));
            result.put(RetryTopicHeaders.ORIGINAL_OFFSET, header(record, RetryTopicHeaders.ORIGINAL_OFFSET));
            result.put(RetryTopicHeaders.ORIGINAL_TIMESTAMP, header(record, RetryTopicHeaders.ORIGINAL_TIMESTAMP));
        } else {
            result.put(RetryTopicHeaders.ORIGINAL_TOPIC, record.topic());
            result.put(RetryTopicHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
            result.put(RetryTopicHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
            result.put(RetryTopicHeaders.ORIGINAL_TIMESTAMP, Long.toString(record.timestamp()));
        }
        result.replaceAll((k, v) -> v == null ? "" : v);
        return result;
    }

    /**
     * The last value of a header as UTF-8 text.
     *
     * @param record the record
     * @param key the header name
     * @return the value, or {@code null} when absent
     */
    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
