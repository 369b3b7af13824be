package dev.kafkasdk.core.config;

import static org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MIN_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_PROTOCOL_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key table of {@link ConsumerSettings}: every consumer setting, declared once. SDK
 * defaults that differ from kafka-clients': auto commit is off and classic consumers use the
 * cooperative-sticky assignor. The cross-field rules below the table are the only
 * per-setting code elsewhere.
 */
public final class ConsumerKeys {

    static final KeyTable<FetchPreset> TABLE =
            new KeyTable<>("consumers.<name>", "consumer", KafkaKeys.Client.CONSUMER, FetchPreset.class, "properties");

    /** {@code group.id}. */
    public static final SettingKey<String> GROUP_ID = TABLE.string("group-id", GROUP_ID_CONFIG)
            .notBlank()
            .doc("The consumer group; needed for commits. Empty for an assign-only consumer.");
    /** The fetch preset. */
    public static final SettingKey<FetchPreset> PRESET = TABLE.preset(FetchPreset::parse)
            .defaultValue(FetchPreset.BALANCED)
            .doc("Named trade-off between fetch latency and throughput.");
    /** {@code group.protocol}. */
    public static final SettingKey<GroupProtocol> GROUP_PROTOCOL = TABLE.enumeration(
                    "group-protocol",
                    GROUP_PROTOCOL_CONFIG,
                    GroupProtocol.class,
                    GroupProtocol::parse,
                    GroupProtocol::kafkaValue)
            .doc("classic, or consumer for the KIP-848 protocol where the broker assigns.");
    /** {@code auto.offset.reset}. */
    public static final SettingKey<OffsetReset> AUTO_OFFSET_RESET = TABLE.enumeration(
                    "auto-offset-reset",
                    AUTO_OFFSET_RESET_CONFIG,
                    OffsetReset.class,
                    OffsetReset::parse,
                    OffsetReset::kafkaValue)
            .doc("Where to start without a committed offset.");
    /** {@code isolation.level}. */
    public static final SettingKey<IsolationLevel> ISOLATION_LEVEL = TABLE.enumeration(
                    "isolation-level",
                    ISOLATION_LEVEL_CONFIG,
                    IsolationLevel.class,
                    IsolationLevel::parse,
                    IsolationLevel::kafkaValue)
            .doc("Whether records of open or aborted transactions are read.");
    /** {@code enable.auto.commit}. */
    public static final SettingKey<Boolean> ENABLE_AUTO_COMMIT = TABLE.bool(
                    "enable-auto-commit", ENABLE_AUTO_COMMIT_CONFIG)
            .defaultValue(false)
            .doc("Commit polled offsets in the background; off: commit after the work is durable.");
    /** {@code auto.commit.interval.ms}. */
    public static final SettingKey<Duration> AUTO_COMMIT_INTERVAL = TABLE.duration(
                    "auto-commit-interval", AUTO_COMMIT_INTERVAL_MS_CONFIG)
            .positive()
            .doc("How often auto commit commits.");
    /** {@code session.timeout.ms}. */
    public static final SettingKey<Duration> SESSION_TIMEOUT = TABLE.duration(
                    "session-timeout", SESSION_TIMEOUT_MS_CONFIG)
            .positive()
            .appliesWhen(ConsumerKeys::classic)
            .doc("No heartbeat within it: the member is dead (classic protocol only).");
    /** {@code heartbeat.interval.ms}. */
    public static final SettingKey<Duration> HEARTBEAT_INTERVAL = TABLE.duration(
                    "heartbeat-interval", HEARTBEAT_INTERVAL_MS_CONFIG)
            .positive()
            .appliesWhen(ConsumerKeys::classic)
            .doc("Heartbeat period; at most a third of the session timeout (classic protocol only).");
    /** {@code max.poll.interval.ms}. */
    public static final SettingKey<Duration> MAX_POLL_INTERVAL = TABLE.duration(
                    "max-poll-interval", MAX_POLL_INTERVAL_MS_CONFIG)
            .positive()
            .doc("Longest gap between polls before the member leaves the group.");
    /** {@code max.poll.records}. */
    public static final SettingKey<Integer> MAX_POLL_RECORDS = TABLE.integer(
                    "max-poll-records", MAX_POLL_RECORDS_CONFIG)
            .atLeast(1)
            .preset(FetchPreset::maxPollRecords)
            .doc("Most records one poll returns.");
    /** {@code fetch.min.bytes}. */
    public static final SettingKey<ByteSize> FETCH_MIN_BYTES = TABLE.byteSize("fetch-min-bytes", FETCH_MIN_BYTES_CONFIG)
            .preset(FetchPreset::fetchMinBytes)
            .doc("The broker waits until this much is ready (or fetch-max-wait passes).");
    /** {@code fetch.max.wait.ms}. */
    public static final SettingKey<Duration> FETCH_MAX_WAIT = TABLE.duration("fetch-max-wait", FETCH_MAX_WAIT_MS_CONFIG)
            .preset(FetchPreset::fetchMaxWait)
            .doc("Longest wait for fetch-min-bytes.");
    /** {@code fetch.max.bytes}. */
    public static final SettingKey<ByteSize> FETCH_MAX_BYTES = TABLE.byteSize("fetch-max-bytes", FETCH_MAX_BYTES_CONFIG)
            .positive()
            .preset(FetchPreset::fetchMaxBytes)
            .doc("Most bytes one fetch returns.");
    /** {@code max.partition.fetch.bytes}. */
    public static final SettingKey<ByteSize> MAX_PARTITION_FETCH_BYTES = TABLE.byteSize(
                    "max-partition-fetch-bytes", MAX_PARTITION_FETCH_BYTES_CONFIG)
            .positive()
            .preset(FetchPreset::maxPartitionFetchBytes)
            .doc("Most bytes one fetch returns per partition.");
    /** {@code request.timeout.ms}. */
    public static final SettingKey<Duration> REQUEST_TIMEOUT = TABLE.duration(
                    "request-timeout", REQUEST_TIMEOUT_MS_CONFIG)
            .positive()
            .doc("How long to wait for a broker's answer to one request.");
    /** {@code group.instance.id}. */
    public static final SettingKey<String> GROUP_INSTANCE_ID = TABLE.string(
                    "group-instance-id", GROUP_INSTANCE_ID_CONFIG)
            .notBlank()
            .doc("Static membership id; needs a group id.");
    /** {@code partition.assignment.strategy}. */
    public static final SettingKey<AssignmentStrategy> ASSIGNMENT_STRATEGY = TABLE.enumeration(
                    "assignment-strategy",
                    PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    AssignmentStrategy.class,
                    AssignmentStrategy::parse,
                    AssignmentStrategy::kafkaValue)
            .spelledAs(AssignmentStrategy::shortName)
            .appliesWhen(ConsumerKeys::classic)
            .computedDefault(
                    s -> classic(s) ? AssignmentStrategy.COOPERATIVE_STICKY : null,
                    "cooperative-sticky (classic protocol)")
            .doc("The client-side assignor (classic protocol only).");
    /** {@code client.id}. */
    public static final SettingKey<String> CLIENT_ID = TABLE.string("client-id", CLIENT_ID_CONFIG)
            .notBlank()
            .computedDefault(ClientSettings::defaultClientId, "<client-id-prefix>-<name>")
            .doc("The client id brokers log and quote.");

    /** How records are ordered when handled concurrently; SDK only, not rendered. */
    public static final SettingKey<Ordering> ORDERING = TABLE.enumeration(
                    "ordering", null, Ordering.class, Ordering::parse, Ordering::value)
            .defaultValue(Ordering.PARTITION)
            .doc("partition, key or unordered: which records may be handled at the same time.");
    /** Records handled at once across the consumer; SDK only, not rendered. */
    public static final SettingKey<Integer> CONCURRENCY = TABLE.integer("concurrency", null)
            .atLeast(1)
            .atMost(10_000, "records handled at once across the consumer")
            .defaultValue(1)
            .doc("Records handled at once across the consumer; 1 with ordering partition is the sequential loop.");
    /** Records of one partition taken and not yet completed; SDK only, not rendered. */
    public static final SettingKey<Integer> MAX_IN_FLIGHT_PER_PARTITION = TABLE.integer(
                    "max-in-flight-per-partition", null)
            .atLeast(1)
            .computedDefault(
                    s -> Math.max(1000, 2 * ((ConsumerSettings) s).concurrency()), "max(1000, 2 x concurrency)")
            .doc("Records of one partition queued or running; the partition pauses when it is reached.");
    /** Group members the SDK runs in this process from these settings; SDK only, not rendered. */
    public static final SettingKey<Integer> INSTANCES = TABLE.integer("instances", null)
            .atLeast(1)
            .atMost(256, "group members in this process")
            .defaultValue(1)
            .doc("Group members run in this process, each with its own poll thread and client id suffix.");
    /** Delays of the retry tiers (non-blocking retries through retry topics); SDK only, not rendered. */
    public static final SettingKey<List<String>> RETRY_TOPICS = TABLE.list("retry-topics", null)
            .doc(
                    "Delays of the retry tiers, e.g. [5s, 1m, 10m]: failed records move to <topic>-retry-5s, ... then .DLT.");
    /** Text between a topic and a tier's delay in retry topic names; SDK only, not rendered. */
    public static final SettingKey<String> RETRY_TOPIC_SUFFIX = TABLE.string("retry-topic-suffix", null)
            .notBlank()
            .defaultValue("-retry-")
            .doc("Retry topics are named <topic><suffix><delay>, e.g. orders-retry-5s.");
    /** The main topics the consumer reads, for topics-as-code and lint; SDK only, not rendered. */
    public static final SettingKey<List<String>> TOPICS = TABLE.list("topics", null)
            .doc(
                    "Topics it reads, so topics apply and lint derive their retry-tier and .DLT topics; subscribe() decides.");

    /** The {@code producers:} entry that publishes dead letters; SDK only, not rendered. */
    public static final SettingKey<String> DEAD_LETTER_PRODUCER = TABLE.string("dead-letter-producer", null)
            .notBlank()
            .doc("A producers: entry whose settings publish dead letters; default: the consumer's cluster settings.");
    /** The bound on storing one dead letter and on the start-up topic check; SDK only, not rendered. */
    public static final SettingKey<Duration> DEAD_LETTER_TIMEOUT = TABLE.duration("dead-letter-timeout", null)
            .positive()
            .defaultValue(Duration.ofSeconds(30))
            .doc(
                    "Longest the poll thread waits to store a dead letter; past it the consumer fails, record uncommitted.");
    /** Whether missing dead-letter topics are created at start; SDK only, not rendered. */
    public static final SettingKey<Boolean> CREATE_DEAD_LETTER_TOPICS = TABLE.bool("create-dead-letter-topics", null)
            .defaultValue(false)
            .doc("Create missing dead-letter topics at start (source topic's partitions); false: a missing one fails.");

    /** How long the consumer may take to reach the cluster and find its topics; SDK only, not rendered. */
    public static final SettingKey<Duration> START_TIMEOUT = TABLE.duration("start-timeout", null)
            .positive()
            .defaultValue(Duration.ofSeconds(30))
            .doc("No answer from the cluster within it: the consumer ends FAILED naming the bootstrap servers.");
    /** What a subscribed topic missing after the start timeout does; SDK only, not rendered. */
    public static final SettingKey<MissingTopics> MISSING_TOPICS = TABLE.enumeration(
                    "missing-topics", null, MissingTopics.class, MissingTopics::parse, MissingTopics::value)
            .defaultValue(MissingTopics.FAIL)
            .doc("fail, wait or warn: a subscribed topic still missing after start-timeout.");

    private static final Map<String, String> BROKER_SIDE = Map.of(
            SESSION_TIMEOUT_MS_CONFIG,
                    "the broker sets the session timeout for the group " + "(group.consumer.session.timeout.ms)",
            HEARTBEAT_INTERVAL_MS_CONFIG,
                    "the broker sets the heartbeat interval for the group " + "(group.consumer.heartbeat.interval.ms)",
            PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    "the broker assigns partitions (group.consumer.assignors; "
                            + "a client may only pick one with group.remote.assignor)");

    private ConsumerKeys() {}

    private static boolean classic(TypedSettings s) {
        return ((ConsumerSettings) s).groupProtocol() == GroupProtocol.CLASSIC;
    }

    /** The consumer's cross-field rules: group id needs, KIP-848's forbidden keys, the heartbeat rule. */
    static void crossField(ConsumerSettings s, PropertyTable table, String prefix, Problems p) {
        checkGroup(s, table, prefix, p);
        if (s.instances() > 1 && table.get(GROUP_ID_CONFIG).isEmpty()) {
            p.invalid(
                    prefix + "instances",
                    Integer.toString(s.instances()),
                    "needs a group-id: several instances " + "share the partitions through the group; set " + prefix
                            + "group-id or instances: 1");
        }
        checkRetryTopics(s, prefix, p);
        if (s.groupProtocol() == GroupProtocol.CONSUMER) {
            BROKER_SIDE.keySet().stream()
                    .sorted()
                    .forEach(key -> table.get(key)
                            .filter(e -> e.origin().isExplicit())
                            .ifPresent(e -> p.invalid(
                                    e.setting(),
                                    e.value(),
                                    "is not allowed with group-protocol: consumer " + "(KIP-848): "
                                            + BROKER_SIDE.get(key) + "; remove it")));
        } else {
            checkHeartbeat(s, table, prefix, p);
        }
    }

    private static void checkRetryTopics(ConsumerSettings s, String prefix, Problems p) {
        List<String> tiers = s.get(RETRY_TOPICS).orElse(List.of());
        Set<Duration> seen = new HashSet<>();
        for (String tier : tiers) {
            try {
                Duration d = Durations.parse(tier);
                if (d.isZero() || d.toNanos() % 1_000_000 != 0) {
                    p.invalid(prefix + "retry-topics", tier, "each tier delay must be a positive whole number of ms");
                } else if (!seen.add(d)) {
                    p.invalid(prefix + "retry-topics", tier, "appears twice; each tier needs its own topic");
                }
            } catch (IllegalArgumentException e) {
                p.invalid(
                        prefix + "retry-topics",
                        tier,
                        "is not a tier delay: " + e.getMessage() + "; write e.g. [5s, 1m, 10m]");
            }
        }
        for (String topic : s.get(TOPICS).orElse(List.of())) {
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                p.invalid(prefix + "topics", topic, "is not a topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
            }
        }
        String suffix = s.get(RETRY_TOPIC_SUFFIX).orElse("-retry-");
        if (!suffix.matches("[a-zA-Z0-9._-]+")) {
            p.invalid(
                    prefix + "retry-topic-suffix",
                    suffix,
                    "must use legal topic-name characters only (a-z A-Z 0-9 . _ -)");
        }
    }

    private static void checkGroup(ConsumerSettings s, PropertyTable table, String prefix, Problems p) {
        if (table.get(GROUP_ID_CONFIG).isPresent()) {
            return;
        }
        if (s.effective(ENABLE_AUTO_COMMIT).orElse(false)) {
            table.get(ENABLE_AUTO_COMMIT_CONFIG)
                    .ifPresent(e -> p.invalid(
                            e.setting(),
                            e.value(),
                            "needs a group-id: "
                                    + "offsets are committed for a consumer group; set " + prefix + "group-id, or "
                                    + "enable-auto-commit: false for an assign-only consumer"));
        }
        table.get(GROUP_INSTANCE_ID_CONFIG)
                .ifPresent(e -> p.invalid(
                        e.setting(),
                        e.value(),
                        "needs a group-id: static membership is for group members; set " + prefix + "group-id"));
    }

    private static void checkHeartbeat(ConsumerSettings s, PropertyTable table, String prefix, Problems p) {
        Duration session = s.effective(SESSION_TIMEOUT).orElseThrow();
        Duration heartbeat = s.effective(HEARTBEAT_INTERVAL).orElseThrow();
        if (heartbeat.multipliedBy(3).compareTo(session) > 0) {
            String path = table.get(HEARTBEAT_INTERVAL_MS_CONFIG)
                    .filter(e -> e.origin().isExplicit())
                    .map(PropertyTable.Entry::setting)
                    .orElse(prefix + "session-timeout");
            String shown = Durations.format(path.endsWith("session-timeout") ? session : heartbeat);
            p.invalid(
                    path,
                    shown,
                    "breaks the rule heartbeat-interval <= session-timeout / 3: heartbeat-interval is "
                            + Durations.format(heartbeat) + " and session-timeout " + Durations.format(session)
                            + "; lower the heartbeat interval or raise the session timeout");
        }
    }
}
