package dev.kafkasdk.core.compat;

import dev.kafkasdk.core.FatalKafkaSdkException;

/**
 * A client needs a {@link BrokerFeature} that the cluster does not have; thrown (or reported as a
 * client's failure cause) at start, before the client uses the feature. The message names the
 * feature, the Kafka release it needs, what the cluster runs and the fix. Retrying does not help:
 * change the client's settings or the cluster.
 *
 * @since 0.1
 */
public class UnsupportedBrokerFeatureException extends FatalKafkaSdkException {

    private static final long serialVersionUID = 1L;

    private final BrokerFeature feature;

    /**
     * @param feature the missing feature
     * @param message the full message
     */
    public UnsupportedBrokerFeatureException(BrokerFeature feature, String message) {
        super(message, null);
        this.feature = feature;
    }

    /** @return the feature the cluster lacks */
    public BrokerFeature feature() {
        return feature;
    }
}
