package dev.kafkasdk.core.config;

import static org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;

/**
 * The key table of {@link ShareConsumerSettings}: every share consumer (KIP-932) setting, declared
 * once. Client keys render to the exact kafka-clients {@code KafkaShareConsumer} keys; the three
 * group keys ({@code auto-offset-reset}, {@code record-lock-duration}, {@code delivery-count-limit})
 * are share group configs that the SDK's share consumer sets on the group before it subscribes.
 * Raw {@code properties} that kafka-clients refuses for share consumers ({@code auto.offset.reset},
 * {@code enable.auto.commit}, {@code group.protocol}, ...) are rejected with the reason.
 */
public final class ShareConsumerKeys {

    static final KeyTable<KeyTable.NoPreset> TABLE = new KeyTable<>(
            "share-consumers.<name>", "share consumer", KafkaKeys.Client.SHARE_CONSUMER, null, "properties");

    /** {@code group.id}: the share group; required. */
    public static final SettingKey<String> GROUP_ID =
            TABLE.string("group-id", GROUP_ID_CONFIG).notBlank().doc("The share group; required.");
    /** {@code share.acknowledgement.mode}. */
    public static final SettingKey<AcknowledgementMode> ACKNOWLEDGEMENT_MODE = TABLE.enumeration(
                    "acknowledgement-mode",
                    SHARE_ACKNOWLEDGEMENT_MODE_CONFIG,
                    AcknowledgementMode.class,
                    AcknowledgementMode::parse,
                    AcknowledgementMode::kafkaValue)
            .defaultValue(AcknowledgementMode.EXPLICIT)
            .doc("explicit: each record is acknowledged (the SDK's share consumer needs it); implicit: the next"
                    + " poll accepts all.");
    /** {@code share.acquire.mode}. */
    public static final SettingKey<AcquireMode> ACQUIRE_MODE = TABLE.enumeration(
                    "acquire-mode",
                    SHARE_ACQUIRE_MODE_CONFIG,
                    AcquireMode.class,
                    AcquireMode::parse,
                    AcquireMode::kafkaValue)
            .doc("batch_optimized (whole batches) or record_limit (at most max-poll-records acquired).");
    /** {@code max.poll.records}. */
    public static final SettingKey<Integer> MAX_POLL_RECORDS = TABLE.integer(
                    "max-poll-records", MAX_POLL_RECORDS_CONFIG)
            .atLeast(1)
            .doc("Most records one poll returns (a hard limit with acquire-mode record_limit).");
    /** {@code request.timeout.ms}. */
    public static final SettingKey<Duration> REQUEST_TIMEOUT = TABLE.duration(
                    "request-timeout", REQUEST_TIMEOUT_MS_CONFIG)
            .positive()
            .doc("How long to wait for a broker's answer to one request.");
    /** {@code client.id}. */
    public static final SettingKey<String> CLIENT_ID = TABLE.string("client-id", CLIENT_ID_CONFIG)
            .notBlank()
            .computedDefault(ClientSettings::defaultClientId, "<client-id-prefix>-<name>")
            .doc("The client id brokers log and quote.");

    /** Group config {@code share.auto.offset.reset}, set by the SDK's share consumer; not rendered. */
    public static final SettingKey<OffsetReset> AUTO_OFFSET_RESET = TABLE.enumeration(
                    "auto-offset-reset", null, OffsetReset.class, OffsetReset::parse, OffsetReset::kafkaValue)
            .doc("Group config share.auto.offset.reset (earliest or latest), set on the group before subscribing;"
                    + " unset: the group's own (latest for a new group).");
    /** Group config {@code share.record.lock.duration.ms}, set by the SDK's share consumer; not rendered. */
    public static final SettingKey<Duration> RECORD_LOCK_DURATION = TABLE.duration("record-lock-duration", null)
            .positive()
            .doc("Group config share.record.lock.duration.ms: how long a member holds an acquired record;"
                    + " unset: the broker's (30s).");
    /** Group config {@code share.delivery.count.limit}, set by the SDK's share consumer; not rendered. */
    public static final SettingKey<Integer> DELIVERY_COUNT_LIMIT = TABLE.integer("delivery-count-limit", null)
            .atLeast(2)
            .atMost(10, "the broker's group.share.max.delivery.count.limit default")
            .doc("Group config share.delivery.count.limit: deliveries before the broker archives a record;"
                    + " unset: the broker's (5).");
    /** Handler attempts before the exhausted action; SDK only, not rendered. */
    public static final SettingKey<Integer> MAX_DELIVERY_ATTEMPTS = TABLE.integer("max-delivery-attempts", null)
            .atLeast(1)
            .atMost(10, "the broker's group.share.max.delivery.count.limit default")
            .defaultValue(5)
            .doc("Deliveries whose handler may fail before on-exhausted applies; at most delivery-count-limit.");
    /** What happens after the last failed attempt; SDK only, not rendered. */
    public static final SettingKey<ShareExhaustedAction> ON_EXHAUSTED = TABLE.enumeration(
                    "on-exhausted",
                    null,
                    ShareExhaustedAction.class,
                    ShareExhaustedAction::parse,
                    ShareExhaustedAction::value)
            .defaultValue(ShareExhaustedAction.REJECT)
            .doc("reject (archived, or the broker's dead-letter queue) or dead-letter (the SDK's <topic>.DLT).");
    /** Records handled at once; SDK only, not rendered. */
    public static final SettingKey<Integer> CONCURRENCY = TABLE.integer("concurrency", null)
            .atLeast(1)
            .atMost(10_000, "records handled at once by one share consumer")
            .defaultValue(16)
            .doc("Records handled at once, on virtual threads (Java 21+) or a bounded pool.");

    private ShareConsumerKeys() {}

    /** group-id is required; auto-offset-reset takes earliest or latest; attempts fit the delivery limit. */
    static void crossField(ShareConsumerSettings s, PropertyTable table, String prefix, Problems p) {
        if (table.get(GROUP_ID_CONFIG).isEmpty()) {
            p.missing(prefix + "group-id", "is required: a share consumer is a member of a share group");
        }
        s.autoOffsetReset()
                .filter(r -> r == OffsetReset.NONE)
                .ifPresent(r -> p.invalid(
                        prefix + "auto-offset-reset",
                        r.kafkaValue(),
                        "is not a share group start; share.auto.offset.reset takes earliest or latest"));
        s.deliveryCountLimit()
                .filter(limit -> s.maxDeliveryAttempts() > limit)
                .ifPresent(limit -> p.invalid(
                        prefix + "max-delivery-attempts",
                        Integer.toString(s.maxDeliveryAttempts()),
                        "exceeds delivery-count-limit " + limit + ": the broker archives the record after " + limit
                                + " deliveries, before the last attempt; lower max-delivery-attempts or raise"
                                + " delivery-count-limit"));
    }
}
