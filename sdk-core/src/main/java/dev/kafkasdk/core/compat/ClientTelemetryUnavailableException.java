package dev.kafkasdk.core.compat;

import dev.kafkasdk.core.FatalKafkaSdkException;

/**
 * A client has no KIP-714 client instance id: the cluster runs no client telemetry plugin, the
 * client has {@code enable.metrics.push=false}, or the broker did not answer within
 * {@code client-instance-id-timeout}. The message names the feature, what the broker needs and
 * the fix. Retrying the same client does not help.
 *
 * @since 0.1
 */
public class ClientTelemetryUnavailableException extends FatalKafkaSdkException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the full message
     */
    public ClientTelemetryUnavailableException(String message) {
        super(message, null);
    }
}
