package dev.kafkasdk.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Skips a test whose broker lacks a feature it needs, with the SDK's own message naming the feature and
 * the release it needs: the {@code -Pcompat} matrix runs these suites against Kafka 3.9.2 to 4.4.0, and a
 * KIP-848 or share-group test on an older release must show as skipped, never as passed. The features
 * are read once per cluster ({@link ClusterFeatures}). Thread-safe.
 */
final class BrokerAssumptions {

    private static final Map<String, ClusterFeatures> FEATURES = new ConcurrentHashMap<>();

    private BrokerAssumptions() {}

    /** Aborts the calling test unless the cluster at {@code bootstrap} has {@code feature}. */
    static void assumeSupported(String bootstrap, BrokerFeature feature) {
        ClusterFeatures features = FEATURES.computeIfAbsent(bootstrap, BrokerAssumptions::detect);
        Optional<String> problem = features.problem(feature);
        assumeTrue(problem.isEmpty(), () -> "skipped, needs " + feature + ": " + problem.orElseThrow());
    }

    private static ClusterFeatures detect(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return ClusterFeatures.detect(admin, Duration.ofSeconds(30));
        }
    }
}
