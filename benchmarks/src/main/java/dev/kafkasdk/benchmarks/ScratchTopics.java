package dev.kafkasdk.benchmarks;

import dev.kafkasdk.test.KafkaCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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
 * <p>Topics are created through the test kit's {@link KafkaCluster#createTopic(String, int, int)},
 * which returns once every partition's leader serves it. Threading: one caller at a time. Closing it
 * closes its admin client.
 */
final class ScratchTopics implements AutoCloseable {

    private static final int PARTITIONS = 6;

    private final KafkaCluster cluster;
    private final Admin admin;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    ScratchTopics(KafkaCluster cluster, String prefix) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        this.prefix = prefix;
    }

    /**
     * Creates a new 6-partition topic with one replica and returns once its leaders serve it.
     *
     * @return its name
     */
    String create() {
        String name = prefix + "-" + counter.incrementAndGet();
        cluster.createTopic(name, PARTITIONS, 1);
        created.add(name);
        return name;
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

    @Override
    public void close() {
        admin.close();
    }
}
