package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ShareConsumerKeys.ACKNOWLEDGEMENT_MODE;
import static dev.kafkasdk.core.config.ShareConsumerKeys.ACQUIRE_MODE;
import static dev.kafkasdk.core.config.ShareConsumerKeys.AUTO_OFFSET_RESET;
import static dev.kafkasdk.core.config.ShareConsumerKeys.CLIENT_ID;
import static dev.kafkasdk.core.config.ShareConsumerKeys.CONCURRENCY;
import static dev.kafkasdk.core.config.ShareConsumerKeys.DELIVERY_COUNT_LIMIT;
import static dev.kafkasdk.core.config.ShareConsumerKeys.GROUP_ID;
import static dev.kafkasdk.core.config.ShareConsumerKeys.MAX_DELIVERY_ATTEMPTS;
import static dev.kafkasdk.core.config.ShareConsumerKeys.MAX_POLL_RECORDS;
import static dev.kafkasdk.core.config.ShareConsumerKeys.ON_EXHAUSTED;
import static dev.kafkasdk.core.config.ShareConsumerKeys.RECORD_LOCK_DURATION;
import static dev.kafkasdk.core.config.ShareConsumerKeys.REQUEST_TIMEOUT;

import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one named share consumer (KIP-932 share group member); its keys are declared
 * once in {@link ShareConsumerKeys}. {@link #toProperties()} gives the exact
 * {@code KafkaShareConsumer} properties; {@link #groupConfigs()} the share group configs the SDK's
 * share consumer sets on the group. Immutable and thread-safe; always valid once built.
 *
 * @since 0.2
 */
public final class ShareConsumerSettings extends ClientSettings {

    private ShareConsumerSettings(Values values) {
        super(values);
    }

    /**
     * A share consumer in a share group with every other value defaulted.
     *
     * @param cluster the cluster to connect to
     * @param groupId the share group
     * @return the settings, named {@code default}
     */
    public static ShareConsumerSettings defaults(ClusterSettings cluster, String groupId) {
        return builder().cluster(cluster).groupId(groupId).build();
    }

    /**
     * Starts empty settings named {@code default}; a cluster and a group id are required.
     *
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder() {
        return new Builder(new Values());
    }

    /**
     * Starts from a copy of existing settings, origins included.
     *
     * @param base the settings to copy
     * @return a new builder
     */
    public static Builder from(ShareConsumerSettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ShareConsumerKeys.TABLE;
    }

    @Override
    void crossField(PropertyTable table, String prefix, Problems p) {
        ShareConsumerKeys.crossField(this, table, prefix, p);
    }

    /** @return {@code group.id}: the share group */
    public String groupId() {
        return effective(GROUP_ID).orElseThrow();
    }

    /** @return {@code share.acknowledgement.mode}: explicit unless set */
    public AcknowledgementMode acknowledgementMode() {
        return effective(ACKNOWLEDGEMENT_MODE).orElse(AcknowledgementMode.EXPLICIT);
    }

    /** @return {@code share.acquire.mode}, or empty for kafka-clients' default (batch_optimized) */
    public Optional<AcquireMode> acquireMode() {
        return get(ACQUIRE_MODE);
    }

    /** @return {@code max.poll.records}, or empty (500) */
    public Optional<Integer> maxPollRecords() {
        return get(MAX_POLL_RECORDS);
    }

    /** @return {@code request.timeout.ms}, or empty (30 s) */
    public Optional<Duration> requestTimeout() {
        return get(REQUEST_TIMEOUT);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return get(CLIENT_ID);
    }

    /** @return the group config {@code share.auto.offset.reset} to set, or empty to leave the group's */
    public Optional<OffsetReset> autoOffsetReset() {
        return get(AUTO_OFFSET_RESET);
    }

    /** @return the group config {@code share.record.lock.duration.ms} to set, or empty */
    public Optional<Duration> recordLockDuration() {
        return get(RECORD_LOCK_DURATION);
    }

    /** @return the group config {@code share.delivery.count.limit} to set, or empty */
    public Optional<Integer> deliveryCountLimit() {
        return get(DELIVERY_COUNT_LIMIT);
    }

    /** @return deliveries whose handler may fail before {@link #onExhausted()} applies (default 5) */
    public int maxDeliveryAttempts() {
        return get(MAX_DELIVERY_ATTEMPTS).orElseThrow();
    }

    /** @return what happens to a record after its last failed delivery (default REJECT) */
    public ShareExhaustedAction onExhausted() {
        return get(ON_EXHAUSTED).orElseThrow();
    }

    /** @return records handled at once (default 16) */
    public int concurrency() {
        return get(CONCURRENCY).orElseThrow();
    }

    /**
     * The share group configs these settings ask for, by their broker names
     * ({@code share.auto.offset.reset}, {@code share.record.lock.duration.ms},
     * {@code share.delivery.count.limit}); only those set.
     *
     * @return a new map in that order
     */
    public Map<String, String> groupConfigs() {
        Map<String, String> configs = new LinkedHashMap<>();
        autoOffsetReset().ifPresent(r -> configs.put("share.auto.offset.reset", r.kafkaValue()));
        recordLockDuration().ifPresent(d -> configs.put("share.record.lock.duration.ms", Long.toString(d.toMillis())));
        deliveryCountLimit().ifPresent(n -> configs.put("share.delivery.count.limit", Integer.toString(n)));
        return configs;
    }

    /**
     * Builds {@link ShareConsumerSettings}: {@link #set(SettingKey, Object)} sets any key of
     * {@link ShareConsumerKeys}; the named setters below are shortcuts. Setting a value to
     * {@code null} clears it. Not thread-safe.
     */
    public static final class Builder extends ClientBuilder<ShareConsumerSettings, Builder> {

        private Builder(Values values) {
            super(values, ShareConsumerKeys.TABLE);
        }

        @Override
        ShareConsumerSettings create(Values values) {
            return new ShareConsumerSettings(values);
        }

        /** Sets {@code group.id}, the share group (required); returns this builder. */
        public Builder groupId(@Nullable String groupId) {
            return set(GROUP_ID, groupId);
        }

        /** Sets {@code share.acknowledgement.mode}; returns this builder. */
        public Builder acknowledgementMode(@Nullable AcknowledgementMode mode) {
            return set(ACKNOWLEDGEMENT_MODE, mode);
        }

        /** Sets {@code share.acquire.mode}; returns this builder. */
        public Builder acquireMode(@Nullable AcquireMode mode) {
            return set(ACQUIRE_MODE, mode);
        }

        /** Sets {@code max.poll.records}, at least 1; returns this builder. */
        public Builder maxPollRecords(@Nullable Integer records) {
            return set(MAX_POLL_RECORDS, records);
        }

        /** Sets {@code request.timeout.ms}; returns this builder. */
        public Builder requestTimeout(@Nullable Duration timeout) {
            return set(REQUEST_TIMEOUT, timeout);
        }

        /** Sets {@code client.id}; returns this builder. */
        public Builder clientId(@Nullable String clientId) {
            return set(CLIENT_ID, clientId);
        }

        /** Sets the group config {@code share.auto.offset.reset} (earliest or latest); returns this builder. */
        public Builder autoOffsetReset(@Nullable OffsetReset reset) {
            return set(AUTO_OFFSET_RESET, reset);
        }

        /** Sets the group config {@code share.record.lock.duration.ms}; returns this builder. */
        public Builder recordLockDuration(@Nullable Duration duration) {
            return set(RECORD_LOCK_DURATION, duration);
        }

        /** Sets the group config {@code share.delivery.count.limit}, 2 to 10; returns this builder. */
        public Builder deliveryCountLimit(@Nullable Integer limit) {
            return set(DELIVERY_COUNT_LIMIT, limit);
        }

        /** Sets the handler attempts before the exhausted action, 1 to 10 (default 5); returns this builder. */
        public Builder maxDeliveryAttempts(@Nullable Integer attempts) {
            return set(MAX_DELIVERY_ATTEMPTS, attempts);
        }

        /** Sets what happens after the last failed attempt (default REJECT); returns this builder. */
        public Builder onExhausted(@Nullable ShareExhaustedAction action) {
            return set(ON_EXHAUSTED, action);
        }

        /** Sets the records handled at once, 1 to 10,000 (default 16); returns this builder. */
        public Builder concurrency(@Nullable Integer concurrency) {
            return set(CONCURRENCY, concurrency);
        }
    }
}
