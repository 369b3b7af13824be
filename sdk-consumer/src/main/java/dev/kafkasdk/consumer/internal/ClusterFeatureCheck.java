package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import dev.kafkasdk.core.config.GroupProtocol;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start, on the poll thread and before the consumer joins its group, that the cluster has
 * the group protocol the consumer asks for: a {@code group-protocol: consumer} (KIP-848) consumer
 * against a cluster without {@code group.version >= 1} (any Kafka 3.x) fails at once with an
 * {@link UnsupportedBrokerFeatureException} naming the feature, the release it needs and the fix,
 * instead of an {@code UnsupportedVersionException} from a later poll. The check reads
 * {@code describeFeatures} for at most {@value #TIMEOUT_SECONDS} s; when the cluster does not answer
 * in time the consumer starts anyway and kafka-clients reports what it finds.
 */
final class ClusterFeatureCheck {

    static final int TIMEOUT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFeatureCheck.class);

    private ClusterFeatureCheck() {}

    /**
     * Runs the check when the consumer joins a group with the consumer protocol.
     *
     * @param spec the consumer's spec (its liveness admin, if given, is used and not closed)
     * @throws UnsupportedBrokerFeatureException if the cluster lacks the consumer protocol
     */
    static void atStart(ConsumerSpec<?, ?> spec) {
        if (spec.protocol() != GroupProtocol.CONSUMER
                || spec.groupId().isEmpty()
                || !(spec.subscription() instanceof Subscription.Topics
                        || spec.subscription() instanceof Subscription.TopicPattern)) {
            return;
        }
        read(spec).ifPresent(features -> {
            Optional<String> problem = features.problem(BrokerFeature.CONSUMER_GROUP_PROTOCOL);
            if (problem.isPresent()) {
                throw new UnsupportedBrokerFeatureException(
                        BrokerFeature.CONSUMER_GROUP_PROTOCOL, "Consumer " + spec.clientId() + ": " + problem.get());
            }
        });
    }

    private static Optional<ClusterFeatures> read(ConsumerSpec<?, ?> spec) {
        Optional<Admin> given = spec.liveness().admin();
        if (given.isPresent()) {
            return detect(given.get(), Duration.ofSeconds(TIMEOUT_SECONDS), spec.clientId());
        }
        return read(spec.kafkaProperties(), spec.clientId());
    }

    private static Optional<ClusterFeatures> read(Map<String, ?> clientProperties, String clientId) {
        Map<String, Object> props = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-features");
        try (Admin admin = Admin.create(props)) {
            return detect(admin, Duration.ofSeconds(TIMEOUT_SECONDS), clientId);
        } catch (RuntimeException e) {
            LOG.info(
                    "Consumer {}: cannot create an admin client to read the cluster's features: {}",
                    clientId,
                    e.toString());
            return Optional.empty();
        }
    }

    private static Optional<ClusterFeatures> detect(Admin admin, Duration timeout, String clientId) {
        try {
            return Optional.of(ClusterFeatures.detect(admin, timeout));
        } catch (KafkaSdkException e) {
            LOG.info(
                    "Consumer {}: cannot read the cluster's features ({}); starting without the check",
                    clientId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
