package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.ConsumerSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Turns consumer settings and a commit mode into the exact kafka-clients properties the SDK's
 * client uses: byte-array deserializers (the SDK deserializes itself), {@code enable.auto.commit}
 * from the commit mode, {@code read_committed} for transactions, and a client id.
 */
public final class ClientProperties {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /**
   * The resolved properties and the typed values the SDK needs from them.
   *
   * @param properties the kafka-clients properties, owned by the consumer
   * @param clientId the client id
   * @param maxPollInterval {@code max.poll.interval.ms}
   * @param maxPollRecords {@code max.poll.records}
   * @param sessionTimeout {@code session.timeout.ms} (the client's value, classic protocol)
   * @param heartbeatInterval {@code heartbeat.interval.ms} (the client's value, classic protocol)
   */
  public record Resolved(Map<String, Object> properties, String clientId, Duration maxPollInterval, int maxPollRecords,
      Duration sessionTimeout, Duration heartbeatInterval) {}

  private ClientProperties() {}

  /**
   * Resolves the properties; problems are added to the list instead of thrown.
   *
   * @param settings the settings
   * @param mode the commit mode
   * @param problems collects problems
   * @param prefix the settings path prefix for problem reports
   * @return the resolved values (meaningless if problems were added)
   */
  public static Resolved resolve(ConsumerSettings settings, CommitMode mode, List<ConfigProblem> problems,
      String prefix) {
    Map<String, Object> props = new HashMap<>(settings.toProperties());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    CommitModes.Kind kind = CommitModes.kind(mode);
    if (kind == CommitModes.Kind.AUTO) {
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
      CommitModes.autoCommitInterval(mode)
          .ifPresent(d -> props.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Long.toString(d.toMillis())));
    } else {
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    }
    if (kind == CommitModes.Kind.TRANSACTIONAL) {
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
    String clientId = settings.clientId().orElseGet(() -> "kafkasdk-consumer-"
        + settings.groupId().map(g -> g + "-").orElse("") + SEQUENCE.incrementAndGet());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    Map<String, Object> parsed;
    try {
      parsed = ConsumerConfig.configDef().parse(props);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      problems.add(new ConfigProblem(prefix + "properties", String.valueOf(e.getMessage()),
          "kafka-clients rejects the consumer properties"));
      return new Resolved(props, clientId, Duration.ofMinutes(5), 500, Duration.ofSeconds(45), Duration.ofSeconds(3));
    }
    return new Resolved(props, clientId,
        Duration.ofMillis(((Number) parsed.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)).longValue()),
        ((Number) parsed.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).intValue(),
        Duration.ofMillis(((Number) parsed.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).longValue()),
        Duration.ofMillis(((Number) parsed.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).longValue()));
  }
}
