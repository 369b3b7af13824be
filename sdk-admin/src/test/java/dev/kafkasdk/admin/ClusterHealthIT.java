package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health of a real three-node KRaft cluster (one JVM per node) before, during and after a node is
 * killed with SIGKILL. The brokers check leader balance every 2 s so preferred leaders return quickly
 * after the restart.
 */
@KafkaBroker(
        nodes = 3,
        backend = Backend.CHILD_JVM,
        brokerProperties = {"leader.imbalance.check.interval.seconds=2"})
class ClusterHealthIT {

    private static Admin raw;
    private static SdkAdmin admin;

    @BeforeAll
    static void connect(KafkaCluster kafka) {
        raw = Admin.create(kafka.adminClientProperties());
        admin = SdkAdmin.wrap(
                raw,
                AdminOptions.builder()
                        .callTimeout(Duration.ofSeconds(5))
                        .maxAttempts(2)
                        .build());
    }

    @AfterAll
    static void close() {
        admin.close();
        raw.close();
    }

    @Test
    void aHealthyClusterReportsItsBrokersAndQuorum(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("healthy");
        kafka.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "2"));

        HealthReport report = await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.cluster().health(), r -> r.verdict() == Verdict.OK);

        assertThat(report.brokers()).extracting(BrokerStatus::id).containsExactly(0, 1, 2);
        assertThat(report.brokers()).allMatch(BrokerStatus::serving);
        assertThat(report.quorum()).hasValueSatisfying(q -> {
            assertThat(q.hasLeader()).isTrue();
            assertThat(q.voters()).extracting(QuorumStatus.Member::replicaId).containsExactly(0, 1, 2);
        });
        assertThat(report.underReplicated()).isEmpty();
        assertThat(report.offline()).isEmpty();
    }

    @Test
    void killingANodeShowsUnderReplicatedPartitionsAndHealthRecoversAfterRestart(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("failover");
        kafka.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "2"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.cluster().health().verdict() == Verdict.OK);

        KafkaNode victim = kafka.node(2);
        victim.kill();
        try {
            long killedAt = System.nanoTime();
            AtomicReference<HealthReport> degraded = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(RetriableKafkaSdkException.class)
                    .until(() -> {
                        HealthReport r = admin.cluster().health();
                        degraded.set(r);
                        // the ISR shrink and the broker leaving the cluster metadata can reach the answering
                        // broker's cache in either order: wait for both
                        return r.underReplicated().stream()
                                                .filter(p -> p.topic().equals(topic))
                                                .count()
                                        == 3
                                && r.brokers().stream().anyMatch(b -> b.id() == 2 && !b.serving());
                    });
            Duration detectedAfter = Duration.ofNanos(System.nanoTime() - killedAt);

            HealthReport during = degraded.get();
            assertThat(detectedAfter).isLessThan(Duration.ofSeconds(20));
            assertThat(during.verdict()).isEqualTo(Verdict.WARN);
            assertThat(during.underMinIsr()).isEmpty();
            assertThat(during.offline()).isEmpty();
            assertThat(during.brokers())
                    .filteredOn(b -> b.id() == 2)
                    .singleElement()
                    .satisfies(b -> assertThat(b.serving()).isFalse());
            assertThat(during.underReplicated())
                    .filteredOn(p -> p.topic().equals(topic))
                    .allSatisfy(p -> assertThat(p.isr()).doesNotContain(2).hasSize(2));
        } finally {
            // restart even when an assertion failed, so the class's other test gets a whole cluster
            victim.restart();
            victim.awaitServing(Duration.ofSeconds(60));
        }
        HealthReport recovered = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(RetriableKafkaSdkException.class)
                .until(() -> admin.cluster().health(), r -> r.verdict() == Verdict.OK);
        assertThat(recovered.underReplicated()).isEmpty();
        assertThat(recovered.brokers()).allMatch(BrokerStatus::serving);
        assertThat(recovered.reasons()).isEmpty();
    }
}
