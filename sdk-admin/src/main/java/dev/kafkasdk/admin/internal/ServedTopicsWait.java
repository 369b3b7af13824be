package dev.kafkasdk.admin.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Waits until the brokers serve what {@code apply} created or raised.
 *
 * <p>The controller answers a topic creation or a partition increase once it has committed the change;
 * each broker learns of it from the metadata log a moment later, and a leader loads its partition a
 * moment after the metadata names it. Until then a describe, a plan or a produce sent to that broker
 * does not see the change (a produce fails with {@code NOT_LEADER_OR_FOLLOWER}). So {@code apply} looks
 * until every topic it changed is described with its partition count and a leader for each partition,
 * and each leader answers for its partitions: when it returns, a plan of the same specs has no actions
 * and a producer can send at once.
 *
 * <p>The wait is bounded by one call timeout. Looking again starts after 10 ms and backs off to 500 ms.
 */
final class ServedTopicsWait {

    /** One look at the cluster: what it does not serve yet of the topics. */
    @FunctionalInterface
    interface Probe {
        /**
         * @param minPartitions topic to the partition count it must have (0: any)
         * @param timeoutMs the time left for the wait, to bound the requests of this look
         * @return one line per topic not served yet; empty when every topic is served
         */
        List<String> unserved(Map<String, Integer> minPartitions, int timeoutMs);
    }

    /** Sleeps; a seam so tests can run the wait on a fake clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Probe probe;
    private final Duration timeout;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    ServedTopicsWait(Probe probe, Duration timeout) {
        this(probe, timeout, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    ServedTopicsWait(Probe probe, Duration timeout, LongSupplier nanoClock, Sleeper sleeper) {
        this.probe = probe;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Returns once every topic is served with at least its partition count, each partition led.
     *
     * @param minPartitions topic to the partition count it must have; 0 when any count will do (the
     *     broker's default was used)
     * @param changes what was applied, for the message when the wait runs out
     * @throws RetriableKafkaSdkException when the brokers still do not serve a topic after the timeout;
     *     the message names the topic and what is missing
     * @throws KafkaSdkException when the thread is interrupted (its interrupt flag is set again)
     */
    void await(Map<String, Integer> minPartitions, String changes) {
        if (minPartitions.isEmpty()) {
            return;
        }
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        long backoff = FIRST_BACKOFF_NANOS;
        while (true) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - nanoClock.getAsLong());
            List<String> missing =
                    probe.unserved(minPartitions, (int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMs)));
            if (missing.isEmpty()) {
                return;
            }
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) {
                throw new RetriableKafkaSdkException(
                        "applied " + changes + ", but after " + timeout.toMillis()
                                + " ms (AdminOptions callTimeout) the brokers do not serve it yet: "
                                + String.join("; ", missing)
                                + ". The change is made; apply again to wait once more, or raise callTimeout",
                        null);
            }
            try {
                sleeper.sleep(Math.min(backoff, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaSdkException(
                        "interrupted while waiting for the brokers to serve " + changes + " (the change is made)", e);
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    /**
     * What the descriptions do not show yet, one line per topic: the topic, its partition count, a
     * leader for each partition. Empty when they show everything.
     */
    static List<String> missing(Map<String, Integer> minPartitions, Map<String, TopicDescription> described) {
        List<String> missing = new ArrayList<>();
        minPartitions.forEach((topic, min) -> {
            TopicDescription d = described.get(topic);
            if (d == null) {
                missing.add("topic '" + topic + "' is not described yet");
                return;
            }
            if (d.partitions().size() < min) {
                missing.add("topic '" + topic + "' has " + d.partitions().size() + " of " + min + " partitions");
                return;
            }
            List<Integer> leaderless = d.partitions().stream()
                    .filter(p -> p.leader() == null || p.leader().isEmpty())
                    .map(TopicPartitionInfo::partition)
                    .toList();
            if (!leaderless.isEmpty()) {
                missing.add("topic '" + topic + "' has no leader for partition" + (leaderless.size() == 1 ? " " : "s ")
                        + leaderless.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        });
        return missing;
    }
}
