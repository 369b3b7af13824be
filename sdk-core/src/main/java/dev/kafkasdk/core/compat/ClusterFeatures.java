package dev.kafkasdk.core.compat;

import dev.kafkasdk.core.KafkaSdkException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeFeaturesOptions;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What a running cluster supports, read once from its finalized feature levels
 * ({@code Admin.describeFeatures}): which {@link BrokerFeature}s are on, and which Kafka release the
 * cluster's {@code metadata.version} belongs to. Clients call {@link #require(BrokerFeature)} at
 * start so that a missing feature fails at once with a message that names the feature, the release
 * it needs, what the cluster runs and the fix, rather than later inside kafka-clients.
 *
 * <pre>{@code
 * ClusterFeatures features = ClusterFeatures.detect(admin, Duration.ofSeconds(5));
 * features.require(BrokerFeature.SHARE_GROUPS); // throws UnsupportedBrokerFeatureException
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ClusterFeatures {

    /** The {@code describeFeatures} flag whose level says which Kafka release the metadata is at. */
    public static final String METADATA_VERSION = "metadata.version";

    /** First {@code metadata.version} level of each release, in order (Kafka's {@code MetadataVersion}). */
    private static final List<Map.Entry<Integer, String>> RELEASES = List.of(
            Map.entry(1, "3.0"),
            Map.entry(2, "3.1"),
            Map.entry(3, "3.2"),
            Map.entry(4, "3.3"),
            Map.entry(8, "3.4"),
            Map.entry(9, "3.5"),
            Map.entry(12, "3.6"),
            Map.entry(15, "3.7"),
            Map.entry(20, "3.8"),
            Map.entry(21, "3.9"),
            Map.entry(22, "4.0"),
            Map.entry(26, "4.1"),
            Map.entry(28, "4.2"),
            Map.entry(30, "4.3"),
            Map.entry(31, "4.4"),
            Map.entry(34, "4.5"));

    private static final int NEWEST_KNOWN_LEVEL = 34;

    private final Map<String, Short> finalizedLevels;

    private ClusterFeatures(Map<String, Short> finalizedLevels) {
        this.finalizedLevels = Map.copyOf(finalizedLevels);
    }

    /**
     * Features from known finalized levels, for tests and offline checks.
     *
     * @param finalizedLevels feature flag to its finalized (maximum) level; absent flags are level 0
     * @return the features
     */
    public static ClusterFeatures of(Map<String, Short> finalizedLevels) {
        return new ClusterFeatures(Objects.requireNonNull(finalizedLevels, "finalizedLevels"));
    }

    /**
     * Reads the cluster's finalized feature levels. A broker too old to answer
     * {@code describeFeatures} (before Kafka 2.7) gives features with no flag set.
     *
     * @param admin   an admin client of the cluster; used, not closed
     * @param timeout how long the read may take
     * @return the features
     * @throws KafkaSdkException (retriable) if the cluster did not answer within {@code timeout}, or
     *     another {@link KafkaSdkException} if the call failed
     */
    public static ClusterFeatures detect(Admin admin, Duration timeout) {
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            FeatureMetadata metadata = admin.describeFeatures(new DescribeFeaturesOptions().timeoutMs(timeoutMs))
                    .featureMetadata()
                    .get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
            Map<String, Short> levels = new LinkedHashMap<>();
            metadata.finalizedFeatures().forEach((name, range) -> levels.put(name, range.maxVersionLevel()));
            return new ClusterFeatures(levels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaSdkException.builder("Interrupted while reading the cluster's features")
                    .cause(e)
                    .build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedVersionException) {
                return new ClusterFeatures(Map.of());
            }
            throw KafkaSdkException.wrap("Cannot read the cluster's features (describeFeatures)", e.getCause());
        } catch (TimeoutException e) {
            throw KafkaSdkException.builder(
                            "The cluster did not answer describeFeatures within " + timeout.toMillis() + " ms")
                    .cause(e)
                    .retriable();
        }
    }

    /** @return every finalized feature flag and its level */
    public Map<String, Short> finalizedLevels() {
        return finalizedLevels;
    }

    /**
     * The finalized level of one feature flag.
     *
     * @param featureFlag a flag such as {@code group.version}
     * @return its level, 0 when the cluster does not finalize it
     */
    public short level(String featureFlag) {
        return finalizedLevels.getOrDefault(featureFlag, (short) 0);
    }

    /**
     * The Kafka release the cluster's {@code metadata.version} belongs to. After a rolling upgrade this
     * is the release the metadata was last finalized at, which can be older than the brokers' binaries.
     *
     * @return a release such as {@code 3.9}; empty for ZooKeeper-mode clusters and brokers before 3.0
     */
    public Optional<String> release() {
        int level = level(METADATA_VERSION);
        if (level < 1) {
            return Optional.empty();
        }
        if (level > NEWEST_KNOWN_LEVEL) {
            return Optional.of("newer than 4.5");
        }
        String release = RELEASES.get(0).getValue();
        for (Map.Entry<Integer, String> entry : RELEASES) {
            if (level >= entry.getKey()) {
                release = entry.getValue();
            }
        }
        return Optional.of(release);
    }

    /** @return the cluster in words: {@code Kafka 3.9 (metadata.version 21)} */
    public String describe() {
        return release()
                .map(r -> "Kafka " + r + " (metadata.version " + level(METADATA_VERSION) + ")")
                .orElse("a cluster without KRaft feature levels (ZooKeeper mode or Kafka before 3.0)");
    }

    /**
     * Whether the cluster has a feature turned on.
     *
     * @param feature the feature
     * @return {@code true} if its flag is finalized at or above the feature's minimum level
     */
    public boolean supports(BrokerFeature feature) {
        return level(feature.featureFlag()) >= feature.minimumLevel();
    }

    /**
     * Why the cluster cannot serve a feature.
     *
     * @param feature the feature
     * @return the message naming the feature, the release it needs, the cluster and the fix; empty when
     *     the feature is supported
     */
    public Optional<String> problem(BrokerFeature feature) {
        if (supports(feature)) {
            return Optional.empty();
        }
        short level = level(feature.featureFlag());
        String flag = finalizedLevels.containsKey(feature.featureFlag())
                ? feature.featureFlag() + "=" + level
                : feature.featureFlag() + " unset";
        return Optional.of(message(feature, describe() + " with " + flag));
    }

    /**
     * Why a cluster of a declared Kafka release (the {@code cluster.broker-version} setting, for offline
     * checks that cannot ask the cluster) cannot serve a feature: the same wording as
     * {@link #problem(BrokerFeature)}, with the declared release in place of the cluster's feature
     * levels. A release at or above the feature's {@link BrokerFeature#sinceRelease()} gives no problem
     * (whether the feature flag is on can only be read from the running cluster).
     *
     * @param feature the feature
     * @param release a Kafka release such as {@code 3.9} or {@code 3.9.2}
     * @return the message, or empty when the release has the feature
     * @throws IllegalArgumentException if {@code release} is not {@code major.minor[.patch]}
     */
    public static Optional<String> problemForRelease(BrokerFeature feature, String release) {
        if (compareReleases(release, feature.sinceRelease()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(message(feature, "Kafka " + release + " (cluster.broker-version)"));
    }

    /**
     * Compares two Kafka releases by major and minor version; a patch level is ignored.
     *
     * @param a a release such as {@code 3.9.2}
     * @param b a release such as {@code 4.0}
     * @return negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}
     * @throws IllegalArgumentException if either is not {@code major.minor[.patch]}
     */
    public static int compareReleases(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    private static int[] majorMinor(String release) {
        if (release == null || !release.matches("\\d{1,3}\\.\\d{1,3}(\\.\\d{1,3})?")) {
            throw new IllegalArgumentException(
                    "'" + release + "' is not a Kafka release; use major.minor or major.minor.patch, e.g. 3.9");
        }
        String[] parts = release.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static String message(BrokerFeature feature, String cluster) {
        return "The cluster does not support " + feature.description() + ": it needs Kafka " + feature.sinceRelease()
                + " or newer with " + feature.featureFlag() + " >= " + feature.minimumLevel()
                + ", and the cluster runs "
                + cluster + ". Fix: " + feature.fix() + ".";
    }

    /**
     * Fails unless the cluster has a feature turned on.
     *
     * @param feature the feature a client needs
     * @throws UnsupportedBrokerFeatureException naming the feature, the release it needs and the fix
     */
    public void require(BrokerFeature feature) {
        Optional<String> problem = problem(feature);
        if (problem.isPresent()) {
            throw new UnsupportedBrokerFeatureException(feature, problem.get());
        }
    }

    /**
     * The features of {@code needed} the cluster lacks, in the given order.
     *
     * @param needed the features a client or a configuration needs
     * @return the missing ones
     */
    public List<BrokerFeature> missing(Collection<BrokerFeature> needed) {
        return needed.stream().filter(f -> !supports(f)).toList();
    }

    @Override
    public String toString() {
        return "ClusterFeatures{" + describe() + ", finalized=" + finalizedLevels + '}';
    }
}
