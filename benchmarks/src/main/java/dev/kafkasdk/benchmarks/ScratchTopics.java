package dev.kafkasdk.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Creates a fresh topic for each benchmark run and deletes a round's topics together once the
 * round is over, so that a full run (dozens of runs of a million records, some of 1 KiB) does not
 * keep tens of GB on the broker's disk: a deleted topic's files go after the broker's
 * {@code file.delete.delay.ms} (60 s by default, 0 for the benchmark's own broker), where retention
 * would wait for {@code log.retention.check.interval.ms} (5 min). Deleting between rounds rather
 * than after each run keeps the broker's file deletion out of the timed runs: deleting after each
 * run put that work into the run that followed, which is always the same scenario. Works the same
 * against an external cluster.
 *
 * <p>Threading: one caller at a time. Closing it closes its admin client.
 */
final class ScratchTopics implements AutoCloseable {

    private static final int PARTITIONS = 6;

    private final Admin admin;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    ScratchTopics(String bootstrapServers, String prefix) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.prefix = prefix;
    }

    /**
     * Creates a new 6-partition topic and waits until the leader of every partition serves it: the
     * metadata names leaders a moment before the broker has loaded the partitions, and a first
     * produce request in that moment fails with {@code NOT_LEADER_OR_FOLLOWER}, after which an
     * idempotent producer can spin on {@code OUT_OF_ORDER_SEQUENCE_NUMBER} for minutes.
     *
     * @return its name
     */
    String create() {
        String name = prefix + "-" + counter.incrementAndGet();
        try {
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!hasLeaders(name) || !serves(name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " has no leaders after 30 s");
                }
                Thread.onSpinWait();
            }
            created.add(name);
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /**
     * Deletes every topic made by {@link #create()} since the last call, between rounds.
     */
    void deleteCreated() {
        List<String> names = List.copyOf(created);
        created.clear();
        names.forEach(this::delete);
    }

    /**
     * Deletes a topic made by {@link #create()}.
     *
     * @param name the topic
     */
    void delete(String name) {
        created.remove(name);
        try {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete topic " + name, e);
        }
    }

    private boolean serves(String name) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.put(new TopicPartition(name, p), OffsetSpec.latest());
        }
        try {
            admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean hasLeaders(String name) throws InterruptedException {
        try {
            TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
            return d.partitions().size() == PARTITIONS && d.partitions().stream().allMatch(p -> p.leader() != null);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
