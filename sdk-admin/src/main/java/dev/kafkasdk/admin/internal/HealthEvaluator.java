package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.BrokerStatus;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.HealthThresholds;
import dev.kafkasdk.admin.LeaderBalance;
import dev.kafkasdk.admin.PartitionProblem;
import dev.kafkasdk.admin.QuorumStatus;
import dev.kafkasdk.admin.Verdict;
import dev.kafkasdk.admin.internal.ClusterSnapshot.Node;
import dev.kafkasdk.admin.internal.ClusterSnapshot.PartitionState;
import dev.kafkasdk.core.internal.Plurals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns a {@link ClusterSnapshot} into a {@link HealthReport}. Pure. */
public final class HealthEvaluator {

    private HealthEvaluator() {}

    /**
     * Evaluates a snapshot.
     *
     * @param snapshot what was read from the cluster
     * @param thresholds when balance and quorum lag give WARN
     * @return the report
     */
    public static HealthReport evaluate(ClusterSnapshot snapshot, HealthThresholds thresholds) {
        List<PartitionProblem> offline = new ArrayList<>();
        List<PartitionProblem> underMinIsr = new ArrayList<>();
        List<PartitionProblem> underReplicated = new ArrayList<>();
        for (PartitionState p : snapshot.partitions()) {
            int minIsr = snapshot.minInsyncReplicas().getOrDefault(p.topic(), 1);
            PartitionProblem problem =
                    new PartitionProblem(p.topic(), p.partition(), p.leader(), p.replicas(), p.isr(), minIsr);
            if (p.leader().isEmpty()) {
                offline.add(problem);
            }
            if (p.isr().size() < minIsr) {
                underMinIsr.add(problem);
            }
            if (p.isr().size() < p.replicas().size()) {
                underReplicated.add(problem);
            }
        }
        List<BrokerStatus> brokers = brokers(snapshot);
        LeaderBalance balance = balance(snapshot);
        List<String> critical = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!offline.isEmpty()) {
            critical.add(Plurals.count(offline.size(), "partition") + " offline (no leader): " + names(offline));
        }
        if (!underMinIsr.isEmpty()) {
            critical.add(Plurals.count(underMinIsr.size(), "partition")
                    + " under min.insync.replicas, acks=all writes fail: " + names(underMinIsr));
        }
        if (!underReplicated.isEmpty()) {
            warnings.add(Plurals.count(underReplicated.size(), "partition") + " under-replicated: "
                    + names(underReplicated));
        }
        List<Integer> missing =
                brokers.stream().filter(b -> !b.serving()).map(BrokerStatus::id).toList();
        if (!missing.isEmpty()) {
            warnings.add(
                    Plurals.noun(missing.size(), "broker") + " " + missing + (missing.size() == 1 ? " holds" : " hold")
                            + " replicas but " + (missing.size() == 1 ? "is" : "are") + " not serving");
        }
        if (balance.maxImbalance() > thresholds.maxLeaderImbalance()) {
            warnings.add(String.format(
                    java.util.Locale.ROOT,
                    "leader imbalance %.0f%% above %.0f%%: %s not led by their preferred replica",
                    balance.maxImbalance() * 100,
                    thresholds.maxLeaderImbalance() * 100,
                    Plurals.count(balance.nonPreferredLeaders(), "partition")));
        }
        quorum(snapshot, thresholds, critical, warnings);
        Verdict verdict = !critical.isEmpty() ? Verdict.CRITICAL : !warnings.isEmpty() ? Verdict.WARN : Verdict.OK;
        List<String> reasons = new ArrayList<>(critical);
        reasons.addAll(warnings);
        Set<String> topics =
                snapshot.partitions().stream().map(PartitionState::topic).collect(Collectors.toSet());
        return new HealthReport(
                snapshot.clusterId(),
                snapshot.takenAt(),
                brokers,
                snapshot.controllerId(),
                snapshot.quorum(),
                topics.size(),
                snapshot.partitions().size(),
                offline,
                underMinIsr,
                underReplicated,
                balance,
                verdict,
                reasons);
    }

    private static void quorum(
            ClusterSnapshot snapshot, HealthThresholds thresholds, List<String> critical, List<String> warnings) {
        if (snapshot.quorum().isEmpty()) {
            warnings.add("the KRaft quorum could not be described");
            return;
        }
        QuorumStatus quorum = snapshot.quorum().get();
        if (!quorum.hasLeader()) {
            critical.add("the KRaft quorum has no leader: metadata cannot change");
            return;
        }
        List<Integer> laggingVoters = lagging(quorum.voters(), quorum.leaderId(), snapshot, thresholds);
        if (laggingVoters.size() * 2 >= quorum.voters().size() && !laggingVoters.isEmpty()) {
            critical.add("KRaft voters " + laggingVoters + " are behind the leader; the quorum has lost its majority");
        } else if (!laggingVoters.isEmpty()) {
            warnings.add("KRaft " + Plurals.noun(laggingVoters.size(), "voter") + " " + laggingVoters
                    + (laggingVoters.size() == 1 ? " is" : " are") + " behind the leader");
        }
        List<Integer> laggingObservers = lagging(quorum.observers(), quorum.leaderId(), snapshot, thresholds);
        if (!laggingObservers.isEmpty()) {
            warnings.add("KRaft " + Plurals.noun(laggingObservers.size(), "observer") + " " + laggingObservers
                    + (laggingObservers.size() == 1 ? " is" : " are") + " behind the metadata log");
        }
    }

    private static List<Integer> lagging(
            List<QuorumStatus.Member> members, int leaderId, ClusterSnapshot snapshot, HealthThresholds thresholds) {
        List<Integer> lagging = new ArrayList<>();
        for (QuorumStatus.Member m : members) {
            if (m.replicaId() == leaderId) {
                continue;
            }
            boolean stale = m.lastCaughtUp()
                    .map(t -> Duration.between(t, snapshot.takenAt()).compareTo(thresholds.maxCatchUpAge()) > 0)
                    .orElse(false);
            // the leader reports no fetch time and a log end offset of -1 for a replica it has not heard from
            boolean unheard = m.lastFetch().isEmpty() || m.logEndOffset() < 0;
            if (m.lag() > thresholds.maxQuorumLag() || stale || unheard) {
                lagging.add(m.replicaId());
            }
        }
        return lagging;
    }

    private static List<BrokerStatus> brokers(ClusterSnapshot snapshot) {
        Map<Integer, Integer> leaders = new HashMap<>();
        Map<Integer, Integer> replicas = new HashMap<>();
        for (PartitionState p : snapshot.partitions()) {
            p.leader().ifPresent(l -> leaders.merge(l, 1, Integer::sum));
            p.replicas().forEach(r -> replicas.merge(r, 1, Integer::sum));
        }
        List<BrokerStatus> brokers = new ArrayList<>();
        Set<Integer> serving = new TreeSet<>();
        for (Node n : snapshot.nodes()) {
            serving.add(n.id());
            brokers.add(new BrokerStatus(
                    n.id(),
                    n.host(),
                    n.port(),
                    n.rack(),
                    leaders.getOrDefault(n.id(), 0),
                    replicas.getOrDefault(n.id(), 0),
                    true));
        }
        brokers.sort(java.util.Comparator.comparingInt(BrokerStatus::id));
        new TreeSet<>(replicas.keySet())
                .stream()
                        .filter(id -> !serving.contains(id))
                        .forEach(id -> brokers.add(new BrokerStatus(
                                id, "", -1, Optional.empty(), leaders.getOrDefault(id, 0), replicas.get(id), false)));
        return brokers;
    }

    private static LeaderBalance balance(ClusterSnapshot snapshot) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        snapshot.nodes().forEach(n -> leaders.put(n.id(), 0));
        Map<Integer, Integer> preferred = new HashMap<>();
        Map<Integer, Integer> preferredNotLeading = new HashMap<>();
        int nonPreferred = 0;
        for (PartitionState p : snapshot.partitions()) {
            p.leader().ifPresent(l -> leaders.merge(l, 1, Integer::sum));
            if (p.replicas().isEmpty()) {
                continue;
            }
            int want = p.replicas().get(0);
            preferred.merge(want, 1, Integer::sum);
            if (p.leader().isEmpty() || p.leader().getAsInt() != want) {
                nonPreferred++;
                preferredNotLeading.merge(want, 1, Integer::sum);
            }
        }
        Map<Integer, Double> imbalance = new TreeMap<>();
        preferred.forEach(
                (broker, count) -> imbalance.put(broker, preferredNotLeading.getOrDefault(broker, 0) / (double) count));
        double max = imbalance.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        return new LeaderBalance(leaders, nonPreferred, imbalance, max);
    }

    private static String names(List<PartitionProblem> problems) {
        String shown = problems.stream()
                .limit(10)
                .map(p -> p.topic() + "-" + p.partition())
                .collect(Collectors.joining(", "));
        return problems.size() > 10 ? shown + ", ..." : shown;
    }
}
