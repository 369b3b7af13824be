package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.MissingTopics;
import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SaslSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the consumer's start-up checks and failure messages need from the settings.
 *
 * @param startTimeout {@code start-timeout}: the bound on reaching the cluster and finding the topics
 * @param missingTopics {@code missing-topics}: what a missing topic does after the bound
 * @param bootstrapServers named when the cluster does not answer
 * @param principal the principal named in authorization failures, when the settings tell it
 */
public record ReadinessSpec(
        Duration startTimeout, MissingTopics missingTopics, List<String> bootstrapServers, Optional<String> principal) {

    /** Defaults for specs built without settings (unit tests): 30 s, fail, no names. */
    public static final ReadinessSpec DEFAULTS =
            new ReadinessSpec(Duration.ofSeconds(30), MissingTopics.FAIL, List.of(), Optional.empty());

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
                principal(settings));
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
