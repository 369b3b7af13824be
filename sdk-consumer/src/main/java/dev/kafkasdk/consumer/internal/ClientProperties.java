package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.core.config.ConsumerKeys;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.internal.ClientNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Turns consumer settings and a commit mode into the exact kafka-clients properties the SDK's
 * client uses: byte-array deserializers (the SDK deserializes itself), {@code enable.auto.commit}
 * from the commit mode, {@code read_committed} for transactions, and a client id.
 */
public final class ClientProperties {

    /**
     * The resolved properties and the typed values the SDK needs beside them.
     *
     * @param properties the kafka-clients properties, owned by the consumer
     * @param clientId the client id
     * @param pollThreadName the name of the consumer's poll thread, unique in this JVM
     * @param maxPollInterval {@code max.poll.interval.ms}
     * @param maxPollRecords {@code max.poll.records}
     * @param sessionTimeout {@code session.timeout.ms} (the client's value, classic protocol)
     * @param heartbeatInterval {@code heartbeat.interval.ms} (the client's value, classic protocol)
     */
    public record Resolved(
            Map<String, Object> properties,
            String clientId,
            String pollThreadName,
            Duration maxPollInterval,
            int maxPollRecords,
            Duration sessionTimeout,
            Duration heartbeatInterval) {}

    private ClientProperties() {}

    /**
     * Resolves the properties; the typed values come from the settings' key table, not from
     * parsing the properties.
     *
     * @param settings the settings, already checked when built
     * @param mode the commit mode
     * @return the resolved values
     */
    public static Resolved resolve(ConsumerSettings settings, CommitMode mode) {
        Map<String, Object> props = new HashMap<>(settings.toProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        CommitModes.Kind kind = CommitModes.kind(mode);
        if (kind == CommitModes.Kind.AUTO) {
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
            CommitModes.autoCommitInterval(mode)
                    .ifPresent(
                            d -> props.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Long.toString(d.toMillis())));
        } else {
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        }
        if (kind == CommitModes.Kind.TRANSACTIONAL) {
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        ClientNames.Name names = ClientNames.next(
                "consumer",
                settings.name(),
                settings.clientId(),
                settings.cluster().clientIdPrefix());
        String clientId = names.clientId();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new Resolved(
                props,
                clientId,
                names.thread("poll"),
                settings.effective(ConsumerKeys.MAX_POLL_INTERVAL).orElseThrow(),
                settings.effective(ConsumerKeys.MAX_POLL_RECORDS).orElseThrow(),
                settings.effective(ConsumerKeys.SESSION_TIMEOUT).orElseThrow(),
                settings.effective(ConsumerKeys.HEARTBEAT_INTERVAL).orElseThrow());
    }
}
