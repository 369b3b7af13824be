package dev.kafkasdk.test;

/**
 * The SASL mechanisms the SASL listeners of a secured test cluster accept: PLAIN and SCRAM always,
 * OAUTHBEARER when {@link KafkaSecurity#oauth()} is set. Every kit user has credentials for all of
 * them.
 */
public enum Sasl {
    /** User name and password sent as they are; the broker checks them against its JAAS user list. */
    PLAIN("PLAIN"),
    /** Salted challenge-response with SHA-256; credentials live in the cluster metadata. */
    SCRAM_SHA_256("SCRAM-SHA-256"),
    /** Salted challenge-response with SHA-512; credentials live in the cluster metadata. */
    SCRAM_SHA_512("SCRAM-SHA-512"),
    /**
     * OAuth 2 bearer tokens from the kit's identity provider (client-credentials grant, client id =
     * user name, client secret = the user's password); needs {@link KafkaSecurity#oauth()}.
     */
    OAUTHBEARER("OAUTHBEARER");

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
        return this == SCRAM_SHA_256 || this == SCRAM_SHA_512;
    }
}
