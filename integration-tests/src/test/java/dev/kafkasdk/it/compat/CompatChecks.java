package dev.kafkasdk.it.compat;

import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.ConfigLinter;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.cli.KafkaSdkAdminCli;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.IsolationLevel;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.TransactionalProducer;
import dev.kafkasdk.test.KafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * One check per {@link CompatFeature} against a running cluster. Each returns the outcome it saw:
 * {@code YES} when the feature worked end to end, {@code NO} when it failed at start with the SDK's
 * error (the check waits for that failure, bounded), and throws when the feature failed in any other
 * way, which the IT reports as a failure. Unique topic and group names per check.
 */
final class CompatChecks {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** The lint rule that checks a consumer's group protocol against the cluster's features. */
    static final String GROUP_PROTOCOL_RULE = "KSDK-L014";
    /** A start-time failure must come within this; kafka-clients' own error would come much later. */
    static final Duration START_FAILURE = Duration.ofSeconds(20);

    private final KafkaCluster kafka;
    private final String version;

    CompatChecks(KafkaCluster kafka, String version) {
        this.kafka = kafka;
        this.version = version;
    }

    Outcome run(CompatFeature feature) throws Exception {
        return switch (feature) {
            case PRODUCER -> producer();
            case CONSUMER_CLASSIC -> consumer(GroupProtocol.CLASSIC, 1);
            case CONSUMER_PROTOCOL -> consumer(GroupProtocol.CONSUMER, 1);
            case CONCURRENT_CONSUMER -> consumer(GroupProtocol.CLASSIC, 4);
            case TRANSACTIONS -> transactions();
            case ADMIN_TOPICS -> adminTopics();
            case ADMIN_GROUPS -> adminGroups();
            case ADMIN_HEALTH -> adminHealth();
            case LINT_ONLINE -> lintOnline();
            case CLI -> cli();
            case SHARE_CONSUMER -> shareConsumer();
            case ADMIN_SHARE_GROUPS -> adminShareGroups();
            case CLIENT_INSTANCE_ID -> clientInstanceId();
        };
    }

    /** The kit must have started the asked release: the cluster's metadata.version says which it runs. */
    String release() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ClusterFeatures features = ClusterFeatures.detect(admin, Duration.ofSeconds(10));
            requireRelease(features);
            return features.release().orElseThrow();
        }
    }

    private void requireRelease(ClusterFeatures features) {
        String expected = version.substring(0, version.lastIndexOf('.'));
        if (!features.release().orElse("none").equals(expected)) {
            throw new AssertionError("asked for Kafka " + version + " but the cluster runs " + features.describe());
        }
    }

    private ClusterSettings cluster() {
        return ClusterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .clientIdPrefix("compat-" + version.replace('.', '-'))
                .build();
    }

    private String topic(String what) {
        String topic = kafka.uniqueTopicName("compat-" + what);
        kafka.createTopic(topic, 2);
        return topic;
    }

    private Outcome producer() throws Exception {
        String topic = topic("producer");
        try (SdkProducer<String, String> producer = SdkProducer.create(
                ProducerSettings.builder().name("p").cluster(cluster()).build(), Serdes.string(), Serdes.string())) {
            producer.send(topic, "k", "v").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        if (!kafka.consume(topic, 1, WAIT).get(0).value().equals("v")) {
            throw new AssertionError("read back another value");
        }
        return Outcome.yes();
    }

    private Outcome consumer(GroupProtocol protocol, int concurrency) {
        String topic = topic("consumer-" + protocol.name().toLowerCase() + "-" + concurrency);
        kafka.produceValues(topic, List.of("a", "b", "c", "d"));
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("c")
                .cluster(cluster())
                .groupId(topic + "-group")
                .groupProtocol(protocol)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .ordering(concurrency > 1 ? Ordering.KEY : null)
                .concurrency(concurrency > 1 ? concurrency : null)
                .build();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer =
                SdkConsumer.create(settings, Serdes.string(), Serdes.string(), r -> seen.add(r.value()), topic)) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.size() >= 4 || consumer.state() == ConsumerState.FAILED);
            if (consumer.state() == ConsumerState.FAILED) {
                Throwable cause = consumer.failureCause().orElseThrow();
                if (cause instanceof UnsupportedBrokerFeatureException unsupported) {
                    // the consumer prefixes its client id, which changes from run to run
                    return Outcome.failsAtStart(unsupported.getMessage().replaceFirst("^Consumer [^:]+: ", ""));
                }
                throw new AssertionError("consumer failed: " + cause, cause);
            }
        }
        return Outcome.yes();
    }

    private Outcome transactions() throws Exception {
        String topic = topic("tx");
        ProducerSettings settings = ProducerSettings.builder()
                .name("tx")
                .cluster(cluster())
                .transactionalId(topic + "-tx")
                .build();
        try (TransactionalProducer<String, String> producer =
                TransactionalProducer.create(settings, Serdes.string(), Serdes.string())) {
            producer.runInTransaction(tx -> tx.send(topic, "k", "committed"));
        }
        ConsumerSettings reader = ConsumerSettings.builder()
                .name("tx-reader")
                .cluster(cluster())
                .groupId(topic + "-group")
                .isolationLevel(IsolationLevel.READ_COMMITTED)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer =
                SdkConsumer.create(reader, Serdes.string(), Serdes.string(), r -> seen.add(r.value()), topic)) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.contains("committed"));
        }
        return Outcome.yes();
    }

    private SdkAdmin admin() {
        return SdkAdmin.create(AdminSettings.defaults(cluster()));
    }

    private Outcome adminTopics() {
        String topic = kafka.uniqueTopicName("compat-admin");
        try (SdkAdmin admin = admin()) {
            TopicSpec spec = TopicSpec.builder(topic).partitions(3).build();
            admin.topics().apply(List.of(spec));
            if (!admin.topics().plan(List.of(spec)).hasNoActions()) {
                throw new AssertionError("plan after apply still has actions");
            }
        }
        return Outcome.yes();
    }

    private Outcome adminGroups() {
        String topic = topic("groups");
        kafka.produceValues(topic, List.of("x"));
        String group = topic + "-group";
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("g")
                .cluster(cluster())
                .groupId(group)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (SdkConsumer<String, String> consumer = SdkConsumer.create(
                        settings, Serdes.string(), Serdes.string(), r -> seen.add(r.value()), topic);
                SdkAdmin admin = admin()) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.contains("x"));
            await().atMost(WAIT)
                    .until(() -> admin.groups().list().stream()
                            .anyMatch(g -> g.groupId().equals(group)));
            await().atMost(WAIT)
                    .until(() -> !admin.groups().describe(group).members().isEmpty());
            admin.groups().lag(group);
        }
        return Outcome.yes();
    }

    private Outcome adminHealth() {
        try (SdkAdmin admin = admin()) {
            HealthReport health = admin.cluster().health();
            if (health.brokers().isEmpty()) {
                throw new AssertionError("health lists no broker");
            }
            if (health.quorum().isEmpty()) {
                return Outcome.degrades("the KRaft quorum is not described");
            }
        }
        return Outcome.yes();
    }

    private Outcome lintOnline() {
        try (SdkAdmin admin = admin()) {
            LintContext offline = LintContext.builder()
                    .mode(LintContext.Mode.ONLINE)
                    .consumer(ConsumerSettings.builder()
                            .name("lint")
                            .cluster(cluster())
                            .groupId("lint-group")
                            .groupProtocol(GroupProtocol.CONSUMER)
                            .build())
                    .build();
            LintContext online = admin.cluster().lintContext(offline);
            return ConfigLinter.defaults().lint(online).findings().stream()
                    .filter(f -> f.ruleId().equals(GROUP_PROTOCOL_RULE))
                    .findFirst()
                    .map(f -> Outcome.failsAtStart(Outcome.LINT_ERROR + f.message()))
                    .orElse(Outcome.yes());
        }
    }

    private Outcome cli() {
        for (String[] args : List.of(
                new String[] {"cluster", "health", "-b", kafka.bootstrapServers()},
                new String[] {"groups", "list", "-b", kafka.bootstrapServers()})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = KafkaSdkAdminCli.run(new PrintWriter(out), new PrintWriter(err), args);
            if (code != 0) {
                throw new AssertionError(String.join(" ", args) + " exited " + code + ": " + err + out);
            }
        }
        return Outcome.yes();
    }

    /** A share consumer receives two records, or fails at start on a cluster without share groups. */
    private Outcome shareConsumer() {
        String topic = topic("share");
        kafka.produceValues(topic, List.of("s1", "s2"));
        ShareConsumerSettings settings = ShareConsumerSettings.builder()
                .name("share")
                .cluster(cluster())
                .groupId(topic + "-share")
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        SdkShareConsumer<String, String> consumer =
                SdkShareConsumer.create(settings, Serdes.string(), Serdes.string(), List.of(topic), r -> {
                    seen.add(r.value());
                });
        try {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.size() >= 2 || consumer.state() == ConsumerState.FAILED);
            if (consumer.state() == ConsumerState.FAILED) {
                Throwable cause = consumer.failureCause().orElseThrow();
                if (cause instanceof UnsupportedBrokerFeatureException unsupported) {
                    return Outcome.failsAtStart(unsupported.getMessage().replaceFirst("^Share consumer [^:]+: ", ""));
                }
                throw new AssertionError("share consumer failed: " + cause, cause);
            }
        } finally {
            consumer.close(Duration.ofSeconds(20));
        }
        return Outcome.yes();
    }

    /** Lists share groups, or fails at once naming the feature on a cluster without them. */
    private Outcome adminShareGroups() {
        try (SdkAdmin admin = admin()) {
            admin.shareGroups().list();
            return Outcome.yes();
        } catch (UnsupportedBrokerFeatureException e) {
            return Outcome.failsAtStart(e.getMessage());
        }
    }

    /**
     * KIP-714 without a client-telemetry plugin on the brokers: the producer's health must report the
     * id unavailable within its bound, and an explicit call must then fail at once naming the feature.
     */
    private Outcome clientInstanceId() {
        ClusterSettings cluster = ClusterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .clientIdPrefix("compat-" + version.replace('.', '-'))
                .clientInstanceIdTimeout(Duration.ofSeconds(2))
                .build();
        try (SdkProducer<String, String> producer = SdkProducer.create(
                ProducerSettings.builder().name("kip714").cluster(cluster).build(), Serdes.string(), Serdes.string())) {
            await().atMost(WAIT)
                    .until(() -> producer.health().clientInstanceId().status() != ClientInstanceId.Status.PENDING);
            if (producer.health().clientInstanceId().status() == ClientInstanceId.Status.AVAILABLE) {
                return Outcome.yes();
            }
            long start = System.nanoTime();
            try {
                producer.clientInstanceId(Duration.ofSeconds(30));
                throw new AssertionError("health says unavailable, but clientInstanceId() returned an id");
            } catch (ClientTelemetryUnavailableException e) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (millis > 1_000) {
                    throw new AssertionError("clientInstanceId() took " + millis + " ms to fail", e);
                }
                return Outcome.degrades("health reports the id UNAVAILABLE after the 2 s bound and clientInstanceId()"
                        + " then fails at once with \"" + Outcome.firstSentence(e.getMessage()) + "\"");
            }
        }
    }
}
