package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.Acks;
import dev.kafkasdk.core.config.Durations;
import dev.kafkasdk.core.config.ProducerSettings;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BUFFER_MEMORY_CONFIG;
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

/**
 * Renders {@link ProducerSettings} as kafka-clients properties and checks them: ranges,
 * raw properties and the cross-field rules of the idempotent and transactional producer.
 * Not part of the API.
 */
public final class ProducerRules {

    /** The kafka-clients keys the producer settings model; {@code describe()} shows their defaults. */
    public static final List<String> TYPED_KEYS = List.of(LINGER_MS_CONFIG, BATCH_SIZE_CONFIG, COMPRESSION_TYPE_CONFIG,
            BUFFER_MEMORY_CONFIG, ACKS_CONFIG, ENABLE_IDEMPOTENCE_CONFIG, MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            MAX_BLOCK_MS_CONFIG, REQUEST_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS_CONFIG, MAX_REQUEST_SIZE_CONFIG,
            RETRIES_CONFIG, TRANSACTIONAL_ID_CONFIG, ProducerConfig.CLIENT_ID_CONFIG);

    private static final KafkaKeys.Client CLIENT = KafkaKeys.Client.PRODUCER;

    private ProducerRules() {
    }

    /**
     * Renders the settings.
     *
     * @param s the settings
     * @return the property table
     */
    public static PropertyTable render(ProducerSettings s) {
        ClientRendering r = new ClientRendering(CLIENT, s.name(), s.cluster(), s.origins());
        r.clientId(s.name(), s.origins().containsKey("client-id") ? s.clientId() : Optional.empty(), s.cluster());
        r.typed("linger", LINGER_MS_CONFIG, s.linger());
        r.typed("batch-size", BATCH_SIZE_CONFIG, s.batchSize());
        r.typed("compression", COMPRESSION_TYPE_CONFIG, s.compression().kafkaValue());
        r.typed("buffer-memory", BUFFER_MEMORY_CONFIG, s.bufferMemory());
        r.typed("acks", ACKS_CONFIG, s.acks().kafkaValue());
        r.typed("idempotence", ENABLE_IDEMPOTENCE_CONFIG, s.idempotence());
        r.typed("max-in-flight", MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, boxed(s.maxInFlight().isPresent(),
                () -> s.maxInFlight().getAsInt()));
        r.typed("max-block", MAX_BLOCK_MS_CONFIG, s.maxBlock().orElse(null));
        r.typed("request-timeout", REQUEST_TIMEOUT_MS_CONFIG, s.requestTimeout().orElse(null));
        r.typed("delivery-timeout", DELIVERY_TIMEOUT_MS_CONFIG, s.deliveryTimeout().orElse(null));
        r.typed("max-request-size", MAX_REQUEST_SIZE_CONFIG, s.maxRequestSize().orElse(null));
        r.typed("retries", RETRIES_CONFIG, boxed(s.retries().isPresent(), () -> s.retries().getAsInt()));
        r.typed("transactional-id", TRANSACTIONAL_ID_CONFIG, s.transactionalId().orElse(null));
        r.raw(s.properties(), "properties");
        return r.table();
    }

    /**
     * Checks the settings.
     *
     * @param s the settings
     * @throws ConfigException listing every problem
     */
    public static void check(ProducerSettings s) {
        Problems p = new Problems();
        String prefix = "producers." + s.name() + ".";
        Checks.duration(p, prefix + "linger", Optional.of(s.linger()), true, false);
        Checks.size(p, prefix + "batch-size", Optional.of(s.batchSize()), true, true);
        Checks.size(p, prefix + "buffer-memory", Optional.of(s.bufferMemory()), false, false);
        Checks.duration(p, prefix + "max-block", s.maxBlock(), true, false);
        Checks.duration(p, prefix + "request-timeout", s.requestTimeout(), false, true);
        Checks.duration(p, prefix + "delivery-timeout", s.deliveryTimeout(), false, true);
        Checks.size(p, prefix + "max-request-size", s.maxRequestSize(), false, true);
        Checks.atLeast(p, prefix + "max-in-flight", boxedOpt(s.maxInFlight().isPresent(), s.maxInFlight()::getAsInt), 1);
        Checks.atLeast(p, prefix + "retries", boxedOpt(s.retries().isPresent(), s.retries()::getAsInt), 0);
        Checks.notBlank(p, prefix + "transactional-id", s.transactionalId());
        Checks.notBlank(p, prefix + "client-id", s.clientId());
        PropertyTable table = render(s);
        Checks.raw(p, CLIENT, prefix, s.properties(), table);
        crossField(s, table, prefix, p);
        p.throwIfAny();
    }

    private static void crossField(ProducerSettings s, PropertyTable table, String prefix, Problems p) {
        Map<String, ?> explicit = s.origins();
        String presetNote = " (from preset " + s.preset() + ")";
        if (s.idempotence() && s.acks() != Acks.ALL) {
            boolean acksExplicit = explicit.containsKey("acks");
            p.invalid(prefix + (acksExplicit ? "acks" : "idempotence"),
                    acksExplicit ? s.acks().kafkaValue() : "true",
                    "conflicts: idempotence=true" + (explicit.containsKey("idempotence") ? "" : presetNote)
                            + " needs acks=all but acks=" + s.acks().kafkaValue() + (acksExplicit ? "" : presetNote)
                            + "; set acks: all, or idempotence: false");
        }
        if (s.transactionalId().isPresent() && !s.idempotence()) {
            p.invalid(prefix + "transactional-id", s.transactionalId().get(), "needs idempotence, but idempotence=false"
                    + (explicit.containsKey("idempotence") ? "" : presetNote) + "; set idempotence: true and acks: all");
        }
        if (s.idempotence() && s.maxInFlight().orElse(5) > 5) {
            p.invalid(prefix + "max-in-flight", Integer.toString(s.maxInFlight().getAsInt()),
                    "is more than 5, which the idempotent producer does not allow; use 1 to 5, or idempotence: false");
        }
        if (s.idempotence() && s.retries().orElse(1) == 0) {
            p.invalid(prefix + "retries", "0", "must be more than zero with idempotence=true; remove retries or set "
                    + "idempotence: false");
        }
        checkDeliveryTimeout(s, table, prefix, p);
    }

    private static void checkDeliveryTimeout(ProducerSettings s, PropertyTable table, String prefix, Problems p) {
        long linger = effectiveMs(table, LINGER_MS_CONFIG);
        long request = effectiveMs(table, REQUEST_TIMEOUT_MS_CONFIG);
        long delivery = effectiveMs(table, DELIVERY_TIMEOUT_MS_CONFIG);
        if (delivery < linger + request) {
            p.invalid(prefix + "delivery-timeout", Durations.format(Duration.ofMillis(delivery)),
                    "is less than linger (" + Durations.format(Duration.ofMillis(linger)) + ") + request-timeout ("
                            + Durations.format(Duration.ofMillis(request)) + "); kafka-clients requires "
                            + "delivery-timeout >= linger + request-timeout");
        }
    }

    private static long effectiveMs(PropertyTable table, String key) {
        return table.get(key).map(e -> parseLong(e.value(), CLIENT.defaultLong(key))).orElse(CLIENT.defaultLong(key));
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Integer boxed(boolean present, java.util.function.IntSupplier value) {
        return present ? value.getAsInt() : null;
    }

    private static Optional<Integer> boxedOpt(boolean present, java.util.function.IntSupplier value) {
        return Optional.ofNullable(boxed(present, value));
    }
}
