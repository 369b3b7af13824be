package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.TopicChange;
import dev.kafkasdk.admin.TopicChange.Kind;
import dev.kafkasdk.admin.TopicPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Compares topic specs with the cluster. Pure: the cluster state is passed in. */
public final class TopicPlanner {

    private TopicPlanner() {}

    /**
     * Plans the changes that bring the cluster to the specs.
     *
     * @param desired the specs, in the order to report them
     * @param observed existing topics by name; topics missing from it do not exist
     * @return the plan
     */
    public static TopicPlan plan(List<DesiredTopic> desired, Map<String, ObservedTopic> observed) {
        List<TopicChange> changes = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        for (DesiredTopic want : desired) {
            ObservedTopic have = observed.get(want.name());
            List<TopicChange> topicChanges = have == null ? List.of(create(want)) : compare(want, have);
            if (topicChanges.isEmpty()) {
                upToDate.add(want.name());
            }
            changes.addAll(topicChanges);
        }
        return new TopicPlan(changes, upToDate);
    }

    private static TopicChange create(DesiredTopic want) {
        StringBuilder shape = new StringBuilder("partitions=")
                .append(
                        want.partitions().isPresent()
                                ? Integer.toString(want.partitions().getAsInt())
                                : "broker default")
                .append(", replication.factor=")
                .append(
                        want.replicationFactor().isPresent()
                                ? Integer.toString(want.replicationFactor().getAsInt())
                                : "broker default");
        want.configs()
                .forEach((k, v) -> shape.append(", ").append(k).append('=').append(v));
        return new TopicChange(want.name(), Kind.CREATE, "topic", "", shape.toString());
    }

    private static List<TopicChange> compare(DesiredTopic want, ObservedTopic have) {
        List<TopicChange> changes = new ArrayList<>();
        String name = want.name();
        int partitions = want.partitions().orElse(have.partitions());
        if (partitions > have.partitions()) {
            changes.add(new TopicChange(
                    name,
                    Kind.INCREASE_PARTITIONS,
                    "partitions",
                    Integer.toString(have.partitions()),
                    Integer.toString(partitions)));
        } else if (partitions < have.partitions()) {
            changes.add(new TopicChange(
                    name,
                    Kind.PARTITION_DECREASE_REFUSED,
                    "partitions",
                    Integer.toString(have.partitions()),
                    Integer.toString(partitions)));
        }
        want.replicationFactor().ifPresent(rf -> {
            if (rf != have.replicationFactor()) {
                changes.add(new TopicChange(
                        name,
                        Kind.REPLICATION_DRIFT,
                        "replication.factor",
                        Integer.toString(have.replicationFactor()),
                        Integer.toString(rf)));
            }
        });
        want.configs().forEach((key, value) -> {
            String current = have.configs().get(key);
            if (current == null || !normalize(current).equals(normalize(value))) {
                changes.add(
                        new TopicChange(name, Kind.CONFIG_DRIFT, key, current == null ? "(unset)" : current, value));
            }
        });
        return changes;
    }

    /** Makes {@code "compact, delete"} equal {@code "delete,compact"} and {@code "TRUE"} equal {@code "true"}. */
    static String normalize(String value) {
        return Arrays.stream(value.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .sorted()
                .collect(Collectors.joining(","));
    }
}
