package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.MissingTopics;
import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SaslSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the consumer's start-up checks, failure messages and authentication retries need from the
 * settings.
 *
 * @param startTimeout {@code start-timeout}: the bound on reaching the cluster and finding the topics
 * @param missingTopics {@code missing-topics}: what a missing topic does after the bound
 * @param bootstrapServers named when the cluster does not answer
 * @param principal the principal named in authorization failures, when the settings tell it
 * @param authenticationRetryTimeout {@code cluster.authentication-retry-timeout}: how long a
 *     consumer the cluster has answered polls through authentication failures
 */
public record ReadinessSpec(
        Duration startTimeout,
        MissingTopics missingTopics,
        List<String> bootstrapServers,
        Optional<String> principal,
        Duration authenticationRetryTimeout) {

    /** Defaults for specs built without settings (unit tests): 30 s, fail, no names, 2 min. */
    public static final ReadinessSpec DEFAULTS = new ReadinessSpec(
            Duration.ofSeconds(30), MissingTopics.FAIL, List.of(), Optional.empty(), Duration.ofMinutes(2));

    /**
     * Reads the spec from consumer settings.
     *
     * @param settings the settings
     * @return the spec
     */
    public static ReadinessSpec of(ConsumerSettings settings) {
        return new ReadinessSpec(
                settings.startTimeout(),
                settings.missingTopics(),
                settings.cluster().bootstrapServers(),
                principal(settings),
                settings.cluster().authenticationRetryTimeout());
    }

    /** {@code User:<name>} for SASL PLAIN and SCRAM, where the broker's principal is the user name. */
    private static Optional<String> principal(ConsumerSettings settings) {
        return settings.cluster()
                .security()
                .sasl()
                .filter(sasl -> sasl.mechanism()
                        .filter(m -> m != SaslMechanism.OAUTHBEARER)
                        .isPresent())
                .flatMap(SaslSettings::username)
                .map(user -> "User:" + user);
    }
}
