package dev.kafkasdk.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or client secret. {@link #toString()} is always {@value #MASK}; only
 * {@link #reveal()} gives the value, and the SDK calls it only when rendering properties for
 * kafka-clients. Immutable and thread-safe.
 */
public final class Secret {

    /** What every secret prints as. */
    public static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the value, never {@code null}
     * @return the secret
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /**
     * The secret value. Never log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * Tells whether the value is empty or blank.
     *
     * @return {@code true} if it has no non-blank character
     */
    public boolean isBlank() {
        return value.isBlank();
    }

    /**
     * Compares values in constant time.
     *
     * @param o another object
     * @return {@code true} for a secret with the same value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A hash of the value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Always the mask.
     *
     * @return {@value #MASK}
     */
    @Override
    public String toString() {
        return MASK;
    }
}
