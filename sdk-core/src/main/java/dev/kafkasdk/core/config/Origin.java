package dev.kafkasdk.core.config;

/**
 * Where the effective value of a setting came from, in increasing precedence (except that
 * {@link #CODE} values are set on a builder and so replace anything loaded before).
 */
public enum Origin {
    /** Nobody set it: the SDK's or kafka-clients' default applies. */
    DEFAULT,
    /** The client's preset ({@link ProducerPreset}, {@link FetchPreset}). */
    PRESET,
    /** A configuration document (YAML, JSON or properties), after {@code ${ENV}} substitution. */
    FILE,
    /** A {@code KAFKA_SDK_...} environment override. */
    ENVIRONMENT,
    /** A builder call in application code. */
    CODE;

    /**
     * Tells whether someone set the value explicitly (file, environment or code).
     *
     * @return {@code true} for {@link #FILE}, {@link #ENVIRONMENT} and {@link #CODE}
     */
    public boolean isExplicit() {
        return this == FILE || this == ENVIRONMENT || this == CODE;
    }
}
