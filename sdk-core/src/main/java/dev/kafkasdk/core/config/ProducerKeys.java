package dev.kafkasdk.core.config;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BUFFER_MEMORY_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRIES_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The key table of {@link ProducerSettings}: every producer setting, declared once. Read a
 * value with {@code settings.get(ProducerKeys.LINGER)} (or {@code effective(...)} for the
 * value kafka-clients uses), set one with {@code builder.set(ProducerKeys.LINGER, ...)}.
 * The cross-field rules below the table are the only per-setting code elsewhere.
 */
public final class ProducerKeys {

    static final KeyTable<ProducerPreset> TABLE = new KeyTable<>(
            "producers.<name>", "producer", KafkaKeys.Client.PRODUCER, ProducerPreset.class, "properties");

    /** The preset: a named trade-off that sets the keys marked with preset values. */
    public static final SettingKey<ProducerPreset> PRESET = TABLE.preset(ProducerPreset::parse)
            .defaultValue(ProducerPreset.BALANCED)
            .doc("Named trade-off between latency, throughput and durability.");
    /** {@code linger.ms}. */
    public static final SettingKey<Duration> LINGER = TABLE.duration("linger", LINGER_MS_CONFIG)
            .preset(ProducerPreset::linger)
            .doc("Extra wait to fill a batch: more latency, more throughput.");
    /** {@code batch.size}. */
    public static final SettingKey<ByteSize> BATCH_SIZE = TABLE.byteSize("batch-size", BATCH_SIZE_CONFIG)
            .preset(ProducerPreset::batchSize)
            .doc("Bytes per partition batch; a larger record is sent alone.");
    /** {@code compression.type}. */
    public static final SettingKey<Compression> COMPRESSION = TABLE.enumeration(
                    "compression",
                    COMPRESSION_TYPE_CONFIG,
                    Compression.class,
                    Compression::parse,
                    Compression::kafkaValue)
            .preset(ProducerPreset::compression)
            .doc("Compression of record batches.");
    /** {@code acks}. */
    public static final SettingKey<Acks> ACKS = TABLE.enumeration(
                    "acks", ACKS_CONFIG, Acks.class, Acks::parse, Acks::kafkaValue)
            .preset(ProducerPreset::acks)
            .doc("Which replicas must have a record before it counts.");
    /** {@code enable.idempotence}. */
    public static final SettingKey<Boolean> IDEMPOTENCE = TABLE.bool("idempotence", ENABLE_IDEMPOTENCE_CONFIG)
            .preset(ProducerPreset::idempotence)
            .doc("No duplicates from retries; needs acks all.");
    /** {@code buffer.memory}. */
    public static final SettingKey<ByteSize> BUFFER_MEMORY = TABLE.byteSize("buffer-memory", BUFFER_MEMORY_CONFIG)
            .positive()
            .preset(ProducerPreset::bufferMemory)
            .doc("Bytes held while waiting to send.");
    /** {@code max.block.ms}. */
    public static final SettingKey<Duration> MAX_BLOCK = TABLE.duration("max-block", MAX_BLOCK_MS_CONFIG)
            .doc("With blocking-send or transactions: how long a call may block for metadata or buffer space.");
    /** {@code request.timeout.ms}. */
    public static final SettingKey<Duration> REQUEST_TIMEOUT = TABLE.duration(
                    "request-timeout", REQUEST_TIMEOUT_MS_CONFIG)
            .positive()
            .doc("How long to wait for a broker's answer to one request.");
    /** {@code delivery.timeout.ms}. */
    public static final SettingKey<Duration> DELIVERY_TIMEOUT = TABLE.duration(
                    "delivery-timeout", DELIVERY_TIMEOUT_MS_CONFIG)
            .positive()
            .preset(p -> p.deliveryTimeout().orElse(null))
            .doc("Upper bound on reporting a send's outcome; at least linger + request-timeout.");
    /** {@code max.request.size}. */
    public static final SettingKey<ByteSize> MAX_REQUEST_SIZE = TABLE.byteSize(
                    "max-request-size", MAX_REQUEST_SIZE_CONFIG)
            .positive()
            .doc("Largest request, and so the largest record.");
    /** {@code max.in.flight.requests.per.connection}. */
    public static final SettingKey<Integer> MAX_IN_FLIGHT = TABLE.integer(
                    "max-in-flight", MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)
            .atLeast(1)
            .preset(p -> boxed(p.maxInFlight()))
            .doc("Unanswered requests per connection; at most 5 when idempotent.");
    /** {@code retries}. */
    public static final SettingKey<Integer> RETRIES = TABLE.integer("retries", RETRIES_CONFIG)
            .atLeast(0)
            .preset(p -> boxed(p.retries()))
            .doc("Retries of a failed send within the delivery timeout.");
    /** {@code transactional.id}. */
    public static final SettingKey<String> TRANSACTIONAL_ID = TABLE.string("transactional-id", TRANSACTIONAL_ID_CONFIG)
            .notBlank()
            .doc("Makes the producer transactional; needs idempotence.");
    /** SDK only: whether {@code send()} may block up to {@code max-block}, as kafka-clients does. */
    public static final SettingKey<Boolean> BLOCKING_SEND = TABLE.bool("blocking-send", null)
            .defaultValue(false)
            .doc("true: send() may block up to max-block for metadata or buffer space; false: it never blocks.");
    /** SDK only: records per topic that may wait for the topic's metadata. */
    public static final SettingKey<Integer> PENDING_RECORDS = TABLE.integer("pending-records", null)
            .atLeast(1)
            .defaultValue(10_000)
            .doc("Records per topic held while its metadata is unknown; more fail at once.");
    /** SDK only: bytes per topic that may wait for the topic's metadata. */
    public static final SettingKey<ByteSize> PENDING_BYTES = TABLE.byteSize("pending-bytes", null)
            .positive()
            .defaultValue(ByteSize.ofMebibytes(16))
            .doc("Bytes per topic held while its metadata is unknown.");
    /** SDK only: how long a reachable cluster may omit a topic before its records fail. */
    public static final SettingKey<Duration> MISSING_TOPIC_TIMEOUT = TABLE.duration("missing-topic-timeout", null)
            .positive()
            .defaultValue(Duration.ofSeconds(5))
            .doc("Records for a topic the cluster does not report (missing or not authorized) fail after this.");
    /** SDK only: topics whose metadata the producer fetches when it is created. */
    public static final SettingKey<List<String>> TOPICS = TABLE.list("topics", null)
            .doc("Topics whose metadata is fetched at creation, so their first sends go straight out.");
    /** {@code client.id}. */
    public static final SettingKey<String> CLIENT_ID = TABLE.string("client-id", CLIENT_ID_CONFIG)
            .notBlank()
            .computedDefault(ClientSettings::defaultClientId, "<client-id-prefix>-<name>")
            .doc("The client id brokers log and quote.");

    private ProducerKeys() {}

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    /** The producer's cross-field rules: idempotence, transactions, delivery timeout. */
    static void crossField(ProducerSettings s, String prefix, Problems p) {
        boolean acksExplicit = s.explicit(ACKS).isPresent();
        boolean idempotenceExplicit = s.explicit(IDEMPOTENCE).isPresent();
        String presetNote = " (from preset " + s.preset() + ")";
        if (s.idempotence() && s.acks() != Acks.ALL) {
            p.invalid(
                    prefix + (acksExplicit ? "acks" : "idempotence"),
                    acksExplicit ? s.acks().kafkaValue() : "true",
                    "conflicts: idempotence=true" + (idempotenceExplicit ? "" : presetNote)
                            + " needs acks=all but acks=" + s.acks().kafkaValue() + (acksExplicit ? "" : presetNote)
                            + "; set acks: all, or idempotence: false");
        }
        if (s.transactionalId().isPresent() && !s.idempotence()) {
            p.invalid(
                    prefix + "transactional-id",
                    s.transactionalId().get(),
                    "needs idempotence, but idempotence=false" + (idempotenceExplicit ? "" : presetNote)
                            + "; set idempotence: true and acks: all");
        }
        if (s.idempotence() && s.maxInFlight().orElse(5) > 5) {
            p.invalid(
                    prefix + "max-in-flight",
                    Integer.toString(s.maxInFlight().getAsInt()),
                    "is more than 5, which the idempotent producer does not allow; use 1 to 5, or idempotence: false");
        }
        if (s.idempotence() && s.retries().orElse(1) == 0) {
            p.invalid(
                    prefix + "retries",
                    "0",
                    "must be more than zero with idempotence=true; remove retries or set " + "idempotence: false");
        }
        Duration linger = s.effective(LINGER).orElseThrow();
        Duration request = s.effective(REQUEST_TIMEOUT).orElseThrow();
        Duration delivery = s.effective(DELIVERY_TIMEOUT).orElseThrow();
        if (delivery.compareTo(linger.plus(request)) < 0) {
            p.invalid(
                    prefix + "delivery-timeout",
                    Durations.format(delivery),
                    "is less than linger ("
                            + Durations.format(linger) + ") + request-timeout (" + Durations.format(request)
                            + "); kafka-clients requires delivery-timeout >= linger + request-timeout");
        }
    }
}
