package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The default {@link DeadLetterPublisher}: a raw {@code byte[]} producer that keeps the original key
 * and value bytes and adds the {@link DeadLetterHeaders}. Thread-safe; owns its producer.
 */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher {

    /** The bound on {@code send()} when none is given: kafka-clients would wait 60 s. */
    static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final Function<String, String> naming;
    private final Map<String, Object> connection;

    /**
     * Creates the publisher and its producer, whose {@code send()} blocks at most 30 s (or the
     * properties' smaller {@code max.block.ms}).
     *
     * @param connectionProperties client properties; keys that are not producer keys are dropped
     * @param naming maps a source topic to its dead-letter topic
     */
    public KafkaDeadLetterPublisher(Map<String, Object> connectionProperties, Function<String, String> naming) {
        this(connectionProperties, naming, DEFAULT_MAX_BLOCK);
    }

    /**
     * Creates the publisher and its producer, whose {@code send()} blocks at most {@code maxBlock}
     * (or the properties' smaller {@code max.block.ms}) waiting for metadata or buffer space.
     *
     * @param connectionProperties client properties; keys that are not producer keys are dropped
     * @param naming maps a source topic to its dead-letter topic
     * @param maxBlock the longest {@code send()} may block the calling (poll) thread
     */
    public KafkaDeadLetterPublisher(
            Map<String, Object> connectionProperties, Function<String, String> naming, Duration maxBlock) {
        this(new KafkaProducer<>(producerProperties(connectionProperties, maxBlock)), naming, connectionProperties);
    }

    KafkaDeadLetterPublisher(
            Producer<byte[], byte[]> producer, Function<String, String> naming, Map<String, Object> connection) {
        this.producer = producer;
        this.naming = naming;
        this.connection = Map.copyOf(connection);
    }

    /**
     * The properties the producer was created from (connection and security); they reach the
     * cluster the dead-letter topics live on. They hold secrets: do not log them.
     *
     * @return the properties, unmodifiable
     */
    public Map<String, Object> connectionProperties() {
        return connection;
    }

    @Override
    public Optional<String> topicFor(String sourceTopic) {
        return Optional.of(naming.apply(sourceTopic));
    }

    static Map<String, Object> producerProperties(Map<String, Object> connectionProperties, Duration maxBlock) {
        Map<String, Object> props = new HashMap<>();
        connectionProperties.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        Object clientId = connectionProperties.get(ProducerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlt");
        }
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long bound = maxBlock.toMillis();
        Object given = props.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (given != null) {
            try {
                bound = Math.min(bound, Long.parseLong(given.toString().trim()));
            } catch (NumberFormatException e) {
                // kafka-clients rejects it with a message naming the key
                return props;
            }
        }
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, bound);
        return props;
    }

    @Override
    public CompletableFuture<Void> publish(DeadLetter letter) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                    naming.apply(letter.topic()), null, letter.key(), letter.value(), headersOf(letter));
            producer.send(record, (metadata, error) -> {
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

    static RecordHeaders headersOf(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            headers.add(header.key(), header.value());
        }
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, letter.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(letter.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(letter.offset()));
        add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(letter.timestamp()));
        add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE, String.valueOf(letter.timestampType()));
        add(
                headers,
                DeadLetterHeaders.EXCEPTION_CLASS,
                letter.cause().getClass().getName());
        String message = letter.cause().getMessage();
        add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, message == null ? "" : message);
        add(headers, DeadLetterHeaders.REASON, letter.reason().name());
        return headers;
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the producer without waiting for sends in flight: the consumer waits for every dead
     * letter before it commits past it, so whatever is still unsent was never committed past and is
     * read again.
     */
    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
