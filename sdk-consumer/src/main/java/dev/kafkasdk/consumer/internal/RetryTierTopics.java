package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.RetryTopics;
import dev.kafkasdk.consumer.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tier topics of a subscription, and their creation at consumer start: each missing tier topic is
 * created with its main topic's partition count and the broker's default replication factor. A failure
 * is logged, not thrown: the topics may be managed elsewhere (sdk-admin topics-as-code), and a tier
 * publish that then fails stops the consumer with the topic's name.
 */
final class RetryTierTopics {

    private static final Logger LOG = LoggerFactory.getLogger(RetryTierTopics.class);

    private RetryTierTopics() {}

    /**
     * The main topics a subscription names (tier topics left out).
     *
     * @param subscription topics or partitions
     * @param topics the tiers
     * @return the main topics, in order
     */
    static Set<String> mainTopics(Subscription subscription, RetryTopics topics) {
        Set<String> result = new LinkedHashSet<>();
        if (subscription instanceof Subscription.Topics t) {
            result.addAll(t.topics());
        } else if (subscription instanceof Subscription.Partitions p) {
            p.partitions().forEach(tp -> result.add(tp.topic()));
        }
        result.removeIf(name -> topics.tierOf(name).isPresent());
        return result;
    }

    /**
     * Creates the missing tier topics of the main topics, or only warns about them.
     *
     * @param consumerProperties the consumer's client properties (connection and security are reused)
     * @param mainTopics the main topics
     * @param topics the tiers
     * @param timeout the bound for all admin calls together
     * @param create {@code false} to log a WARN line naming the missing tier topics instead
     */
    static void create(
            Map<String, Object> consumerProperties,
            Set<String> mainTopics,
            RetryTopics topics,
            Duration timeout,
            boolean create) {
        if (mainTopics.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        consumerProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(
                AdminClientConfig.CLIENT_ID_CONFIG,
                consumerProperties.get(AdminClientConfig.CLIENT_ID_CONFIG) + "-retry-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = Admin.create(props);
        try {
            Set<String> existing = admin.listTopics().names().get(remaining(deadline), TimeUnit.NANOSECONDS);
            List<String> mains = mainTopics.stream().filter(existing::contains).toList();
            if (mains.size() < mainTopics.size()) {
                LOG.warn(
                        "Main topics {} do not exist yet; their retry topics are not created",
                        missing(mainTopics, existing));
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(mains).allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            for (String main : mains) {
                int partitions = described.get(main).partitions().size();
                for (String tier : topics.tierTopics(main)) {
                    if (!existing.contains(tier)) {
                        toCreate.add(new NewTopic(tier, Optional.of(partitions), Optional.empty()));
                    }
                }
            }
            if (toCreate.isEmpty()) {
                return;
            }
            if (!create) {
                LOG.warn(
                        "Retry topics {} do not exist and createTopics is off: failed records cannot move to them "
                                + "and the consumer will stop on the first; create them (sdk-admin topics-as-code, "
                                + "partitions of the main topic) or turn createTopics on",
                        toCreate.stream().map(NewTopic::name).toList());
                return;
            }
            admin.createTopics(toCreate).values().forEach((name, future) -> {
                try {
                    future.get(remaining(deadline), TimeUnit.NANOSECONDS);
                    LOG.info("Created retry topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warn(
                                "Cannot create retry topic {}: {}",
                                name,
                                e.getCause().toString());
                    }
                } catch (TimeoutException e) {
                    LOG.warn("Creating retry topic {} did not finish within {}", name, timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            awaitServed(admin, toCreate, deadline);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "Cannot check the retry topics of {} within {}: {}; create them with sdk-admin",
                    mainTopics,
                    timeout,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits (bounded by the deadline) until the leaders of new topics serve them: an idempotent producer
     * that sends in the moment before can retry OUT_OF_ORDER_SEQUENCE_NUMBER for a long time.
     */
    private static void awaitServed(Admin admin, List<NewTopic> created, long deadline) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (NewTopic topic : created) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        while (remaining(deadline) > 0) {
            try {
                admin.listOffsets(latest)
                        .all()
                        .get(Math.min(remaining(deadline), 5_000_000_000L), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        LOG.warn("The new retry topics are not served yet; the first moves to them may be slow");
    }

    private static List<String> missing(Set<String> wanted, Set<String> existing) {
        return wanted.stream().filter(t -> !existing.contains(t)).toList();
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
