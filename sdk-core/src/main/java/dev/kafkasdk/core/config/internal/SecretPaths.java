package dev.kafkasdk.core.config.internal;

import java.util.Set;

/**
 * Decides which document paths hold secrets, so their values are masked in problems.
 * Not part of the API.
 */
public final class SecretPaths {

    private static final Set<String> SECRET_LEAVES = Set.of("password", "key-password", "client-secret");
    private static final String RAW = ".properties.";

    private SecretPaths() {}

    /**
     * Tells whether a path holds a secret: a typed password or client secret, or a raw
     * {@code properties} entry whose kafka-clients type is PASSWORD.
     *
     * @param path a dotted document path
     * @return whether its value must be masked
     */
    public static boolean isSecret(String path) {
        int raw = path.indexOf(RAW);
        if (raw >= 0) {
            return KafkaKeys.isPassword(path.substring(raw + RAW.length()));
        }
        int dot = path.lastIndexOf('.');
        return SECRET_LEAVES.contains(path.substring(dot + 1));
    }
}
