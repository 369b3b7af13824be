package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminAuthorizationException;
import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.TopicChange;
import dev.kafkasdk.admin.TopicOperations;
import dev.kafkasdk.admin.TopicPlan;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.core.internal.Plurals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** {@link TopicOperations} over a Kafka {@link Admin}. */
final class DefaultTopicOperations implements TopicOperations {

    private final Admin admin;
    private final AdminCalls calls;
    private final ClusterReader reader;
    private final ServedTopicsWait served;

    DefaultTopicOperations(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
        this.reader = new ClusterReader(admin, calls);
        this.served = new ServedTopicsWait(this::unserved, Duration.ofMillis(calls.timeoutMs()));
    }

    static DesiredTopic desired(TopicSpec spec) {
        return new DesiredTopic(spec.name(), spec.partitions(), spec.replicationFactor(), spec.toTopicConfigs());
    }

    private static Map<String, TopicSpec> byName(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new KafkaSdkException("topic '" + s.name() + "' is specified twice");
            }
        });
        return byName;
    }

    @Override
    public TopicPlan plan(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = byName(specs);
        return TopicPlanner.plan(
                byName.values().stream().map(DefaultTopicOperations::desired).toList(), observe(byName.keySet()));
    }

    private Map<String, ObservedTopic> observe(Collection<String> names) {
        Map<String, TopicDescription> described = reader.describeTopics(names);
        Map<String, Map<String, ConfigEntry>> configs = reader.configs(ConfigResource.Type.TOPIC, described.keySet());
        Map<String, ObservedTopic> observed = new HashMap<>();
        described.forEach((name, d) -> {
            Map<String, ConfigEntry> entries = configs.getOrDefault(name, Map.of());
            observed.put(
                    name,
                    new ObservedTopic(
                            name,
                            d.partitions().size(),
                            DefaultClusterOperations.replicationFactor(d),
                            ClusterReader.values(entries),
                            ClusterReader.topicOverrides(entries)));
        });
        return observed;
    }

    @Override
    public ApplyResult apply(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = byName(specs);
        TopicPlan plan = plan(byName.values());
        List<TopicChange> applied = new ArrayList<>();
        List<TopicChange> alreadyDone = new ArrayList<>();
        Map<TopicChange, KafkaSdkException> failed = new LinkedHashMap<>();
        for (TopicChange change : plan.actions()) {
            try {
                boolean changed = change.kind() == TopicChange.Kind.CREATE
                        ? create(byName.get(change.topic()))
                        : increase(change);
                (changed ? applied : alreadyDone).add(change);
            } catch (KafkaSdkException e) {
                failed.put(change, e);
            }
        }
        if (!failed.isEmpty()) {
            throw failure(applied, failed);
        }
        awaitServed(plan.actions(), byName);
        return new ApplyResult(plan, applied, alreadyDone);
    }

    /**
     * Returns once the brokers serve every created or raised topic, so that a plan made right after
     * {@code apply} agrees with it and producers can send at once.
     */
    private void awaitServed(List<TopicChange> actions, Map<String, TopicSpec> byName) {
        Map<String, Integer> minPartitions = new LinkedHashMap<>();
        for (TopicChange change : actions) {
            int min = change.kind() == TopicChange.Kind.CREATE
                    ? byName.get(change.topic()).partitions().orElse(0)
                    : Integer.parseInt(change.desired());
            minPartitions.put(change.topic(), min);
        }
        served.await(minPartitions, actions.stream().map(TopicChange::describe).collect(Collectors.joining("; ")));
    }

    /**
     * What the cluster does not serve yet of the topics: first what their descriptions lack, then
     * whether each leader answers for its partitions. Listing the latest offsets goes to every leader,
     * so it succeeds only once each has loaded its partitions.
     */
    private List<String> unserved(Map<String, Integer> minPartitions, int timeoutMs) {
        Map<String, TopicDescription> described = reader.describeTopics(minPartitions.keySet());
        List<String> missing = ServedTopicsWait.missing(minPartitions, described);
        if (!missing.isEmpty()) {
            return missing;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
                .values()
                .forEach(d -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            calls.await(admin.listOffsets(
                            latest, new ListOffsetsOptions().timeoutMs(Math.min(timeoutMs, calls.timeoutMs())))
                    .all());
            return List.of();
        } catch (RetriableException e) {
            return List.of("the leaders of " + String.join(", ", minPartitions.keySet())
                    + " do not answer for their partitions yet (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSdkException(
                    "interrupted while waiting for the leaders of " + String.join(", ", minPartitions.keySet())
                            + " (the change is made)",
                    e);
        } catch (ApiException e) {
            // for example not allowed to list offsets: the descriptions already show every partition led
            return List.of();
        } catch (Exception e) {
            throw AdminCalls.translate("list offsets", Target.topics(List.copyOf(minPartitions.keySet())), e);
        }
    }

    /** Creates the topic; false when it already existed by then. */
    private boolean create(TopicSpec spec) {
        NewTopic topic = new NewTopic(
                        spec.name(),
                        spec.partitions().isPresent()
                                ? Optional.of(spec.partitions().getAsInt())
                                : Optional.empty(),
                        spec.replicationFactor().isPresent()
                                ? Optional.of((short) spec.replicationFactor().getAsInt())
                                : Optional.empty())
                .configs(spec.toTopicConfigs());
        try {
            calls.call(
                    "create topic",
                    Target.topics(List.of(spec.name())),
                    t -> admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(t))
                            .all());
            return true;
        } catch (KafkaSdkException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    /** Raises the partition count; false when the topic already had that many. */
    private boolean increase(TopicChange change) {
        int wanted = Integer.parseInt(change.desired());
        try {
            calls.call(
                    "add partitions",
                    Target.topics(List.of(change.topic())),
                    t -> admin.createPartitions(
                                    Map.of(change.topic(), NewPartitions.increaseTo(wanted)),
                                    new CreatePartitionsOptions().timeoutMs(t))
                            .all());
            return true;
        } catch (KafkaSdkException e) {
            if (e.getCause() instanceof InvalidPartitionsException) {
                TopicDescription now =
                        reader.describeTopics(List.of(change.topic())).get(change.topic());
                if (now != null && now.partitions().size() >= wanted) {
                    return false;
                }
            }
            throw e;
        }
    }

    private static KafkaSdkException failure(List<TopicChange> applied, Map<TopicChange, KafkaSdkException> failed) {
        Optional<KafkaSdkException> denied = failed.values().stream()
                .filter(e -> e instanceof AdminAuthorizationException)
                .findFirst();
        if (denied.isPresent() && failed.size() == 1 && applied.isEmpty()) {
            return denied.get();
        }
        String failures = failed.entrySet().stream()
                .map(e -> e.getKey().describe() + ": " + e.getValue().getMessage())
                .collect(Collectors.joining("; "));
        String done = applied.isEmpty()
                ? "nothing was applied"
                : "applied before the failure: "
                        + applied.stream().map(TopicChange::describe).collect(Collectors.joining("; "));
        KafkaSdkException first = failed.values().iterator().next();
        return new KafkaSdkException(
                Plurals.count(failed.size(), "topic change") + " failed: " + failures + " (" + done + ")", first);
    }
}
