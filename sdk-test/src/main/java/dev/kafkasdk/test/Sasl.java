package dev.kafkasdk.test;

/**
 * The SASL mechanisms every SASL listener of a secured test cluster accepts. Every kit user has
 * credentials for all of them.
 */
public enum Sasl {
    /** User name and password sent as they are; the broker checks them against its JAAS user list. */
    PLAIN("PLAIN"),
    /** Salted challenge-response with SHA-256; credentials live in the cluster metadata. */
    SCRAM_SHA_256("SCRAM-SHA-256"),
    /** Salted challenge-response with SHA-512; credentials live in the cluster metadata. */
    SCRAM_SHA_512("SCRAM-SHA-512");

    private final String mechanismName;

    Sasl(String mechanismName) {
        this.mechanismName = mechanismName;
    }

    /**
     * The mechanism's name as kafka-clients and the SDK's config files spell it.
     *
     * @return e.g. {@code SCRAM-SHA-256}
     */
    public String mechanismName() {
        return mechanismName;
    }

    /**
     * Whether this is a SCRAM mechanism (credentials stored in the cluster, creatable at run time).
     *
     * @return {@code true} for the SCRAM mechanisms
     */
    public boolean isScram() {
        return this != PLAIN;
    }
}
