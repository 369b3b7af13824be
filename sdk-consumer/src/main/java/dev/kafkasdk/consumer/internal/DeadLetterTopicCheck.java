package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of a consumer's dead-letter topics: every topic it may publish a dead letter to
 * must exist, or is created (with its source topic's partition count) when
 * {@code create-dead-letter-topics} is on. Runs once on the poll thread before the consumer joins
 * its group, bounded by {@code dead-letter-timeout}; a problem fails the consumer with a message
 * naming the topic and the fix.
 */
final class DeadLetterTopicCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopicCheck.class);

    private final DeadLetterChannel channel;
    private final String clientId;
    private final Function<Map<String, Object>, Admin> adminFactory;

    DeadLetterTopicCheck(
            DeadLetterChannel channel, String clientId, Function<Map<String, Object>, Admin> adminFactory) {
        this.channel = channel;
        this.clientId = clientId;
        this.adminFactory = adminFactory;
    }

    /**
     * Checks the consumer's dead-letter topics, if it can publish dead letters to known topics.
     *
     * @param spec the consumer
     * @throws KafkaSdkException (fatal) naming a missing topic and the fix, or the bound that passed
     */
    static void verify(ConsumerSpec<?, ?> spec) {
        if (!(spec.publisher() instanceof DeadLetterChannel channel) || !deadLetters(spec)) {
            return;
        }
        Set<String> sources = sourceTopics(spec.subscription());
        // a record that fails its last retry tier is dead-lettered with its main topic's coordinates
        Set<String> mainTopics = spec.failurePolicy()
                .retryTiers()
                .map(tiers -> sources.stream().map(tiers::mainTopic).collect(Collectors.toCollection(TreeSet::new)))
                .orElse(new TreeSet<>(sources));
        new DeadLetterTopicCheck(channel, spec.clientId(), Admin::create).verify(mainTopics);
    }

    private static boolean deadLetters(ConsumerSpec<?, ?> spec) {
        return spec.poisonAction() == FailureAction.DEAD_LETTER
                || spec.failurePolicy().onExhausted() == FailureAction.DEAD_LETTER;
    }

    private static Set<String> sourceTopics(Subscription subscription) {
        if (subscription instanceof Subscription.Topics t) {
            return new TreeSet<>(t.topics());
        }
        if (subscription instanceof Subscription.Partitions p) {
            return p.partitions().stream().map(TopicPartition::topic).collect(Collectors.toCollection(TreeSet::new));
        }
        if (subscription instanceof Subscription.AllPartitions a) {
            return new TreeSet<>(Set.of(a.topic()));
        }
        LOG.debug("A pattern subscription's dead-letter topics are not known at start and are not checked");
        return Set.of();
    }

    /**
     * Checks the dead-letter topics of these source topics.
     *
     * @param sources the topics the consumer reads
     */
    void verify(Set<String> sources) {
        Map<String, String> dltBySource = new LinkedHashMap<>();
        for (String source : sources) {
            channel.topicFor(source).ifPresent(dlt -> dltBySource.put(source, dlt));
        }
        if (dltBySource.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + channel.timeout().toNanos();
        Admin admin = adminFactory.apply(adminProperties());
        try {
            List<String> missing = missing(admin, new TreeSet<>(dltBySource.values()), deadline);
            if (missing.isEmpty()) {
                return;
            }
            if (!channel.createTopics()) {
                throw missingTopic(missing.get(0), sourceOf(dltBySource, missing.get(0)), missing);
            }
            create(admin, missing, dltBySource, deadline);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        channel.adminProperties().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        int bound =
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, channel.timeout().toMillis()));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-dlt-check");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, bound);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, bound);
        return props;
    }

    private List<String> missing(Admin admin, Set<String> topics, long deadline) {
        Map<String, KafkaFuture<TopicDescription>> described =
                admin.describeTopics(topics).topicNameValues();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            try {
                await(described.get(topic), deadline);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    missing.add(topic);
                } else {
                    throw failure("Cannot check dead-letter topic '" + topic + "'", topic, e.getCause());
                }
            }
        }
        return missing;
    }

    private void create(Admin admin, List<String> missing, Map<String, String> dltBySource, long deadline) {
        List<NewTopic> topics = new ArrayList<>();
        for (String dlt : missing) {
            String source = sourceOf(dltBySource, dlt);
            int partitions = partitionsOf(admin, source, deadline).orElse(1);
            topics.add(new NewTopic(dlt, Optional.of(partitions), Optional.empty()));
        }
        Map<String, KafkaFuture<Void>> created = admin.createTopics(topics).values();
        for (NewTopic topic : topics) {
            try {
                await(created.get(topic.name()), deadline);
                LOG.info(
                        "Created dead-letter topic '{}' with {} (create-dead-letter-topics: true)",
                        topic.name(),
                        dev.kafkasdk.core.internal.Plurals.count(topic.numPartitions(), "partition"));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure("Cannot create dead-letter topic '" + topic.name() + "'", topic.name(), e.getCause());
                }
            }
        }
    }

    private Optional<Integer> partitionsOf(Admin admin, String source, long deadline) {
        try {
            TopicDescription description =
                    await(admin.describeTopics(Set.of(source)).topicNameValues().get(source), deadline);
            return Optional.of(description.partitions().size());
        } catch (ExecutionException e) {
            LOG.debug("Cannot describe source topic '{}'; its dead-letter topic gets 1 partition", source, e);
            return Optional.empty();
        }
    }

    private <T> T await(KafkaFuture<T> future, long deadline) throws ExecutionException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaSdkException.builder("Interrupted while checking the dead-letter topics")
                    .clientId(clientId)
                    .cause(e)
                    .fatal();
        } catch (TimeoutException e) {
            throw KafkaSdkException.builder("Cannot check the dead-letter topics within dead-letter-timeout ("
                            + Durations.format(channel.timeout()) + ") at "
                            + channel.adminProperties().getOrDefault(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "?")
                            + "; is the cluster reachable? Raise " + channel.settingPrefix()
                            + "dead-letter-timeout if it is slow")
                    .clientId(clientId)
                    .cause(e)
                    .fatal();
        }
    }

    private KafkaSdkException missingTopic(String dlt, String source, List<String> missing) {
        String others = missing.size() > 1 ? " (missing too: " + missing.subList(1, missing.size()) + ")" : "";
        return KafkaSdkException.builder("Dead-letter topic '" + dlt + "' does not exist" + others
                        + "; the consumer would publish records of '" + source + "' that it gives up on there. Fix: "
                        + "create it (e.g. with the partitions of '" + source + "'), or set "
                        + channel.settingPrefix() + "create-dead-letter-topics: true")
                .topic(dlt)
                .clientId(clientId)
                .fatal();
    }

    private KafkaSdkException failure(String message, String topic, Throwable cause) {
        return KafkaSdkException.builder(message + ": " + cause)
                .topic(topic)
                .clientId(clientId)
                .cause(cause)
                .fatal();
    }

    private static String sourceOf(Map<String, String> dltBySource, String dlt) {
        return dltBySource.entrySet().stream()
                .filter(e -> e.getValue().equals(dlt))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(dlt);
    }
}
