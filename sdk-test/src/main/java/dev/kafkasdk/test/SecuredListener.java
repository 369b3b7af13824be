package dev.kafkasdk.test;

/**
 * A secured client listener that a test cluster can open beside the kit's own PLAINTEXT listener
 * (see {@link KafkaSecurity}). Each value is one listener on every node, on its own port, bound to
 * 127.0.0.1.
 */
public enum SecuredListener {
    /** TLS encryption; the server proves itself with a certificate of the kit's CA; clients stay anonymous. */
    SSL("SSL", "SSL"),
    /** TLS with client certificates required ({@code ssl.client.auth=required}); the principal is the certificate's CN. */
    MUTUAL_TLS("MTLS", "SSL"),
    /** SASL authentication (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) without encryption. */
    SASL_PLAINTEXT("SASL_PLAINTEXT", "SASL_PLAINTEXT"),
    /** SASL authentication (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) over TLS. */
    SASL_SSL("SASL_SSL", "SASL_SSL");

    private final String listenerName;
    private final String securityProtocol;

    SecuredListener(String listenerName, String securityProtocol) {
        this.listenerName = listenerName;
        this.securityProtocol = securityProtocol;
    }

    /**
     * The broker's listener name, as in {@code listeners} and {@code listener.name.<name>.*} keys.
     *
     * @return e.g. {@code MTLS}
     */
    public String listenerName() {
        return listenerName;
    }

    /**
     * The client's {@code security.protocol} for this listener.
     *
     * @return {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     */
    public String securityProtocol() {
        return securityProtocol;
    }

    /**
     * Whether clients of this listener authenticate with SASL.
     *
     * @return {@code true} for {@link #SASL_PLAINTEXT} and {@link #SASL_SSL}
     */
    public boolean usesSasl() {
        return this == SASL_PLAINTEXT || this == SASL_SSL;
    }

    /**
     * Whether this listener speaks TLS.
     *
     * @return {@code true} for {@link #SSL}, {@link #MUTUAL_TLS} and {@link #SASL_SSL}
     */
    public boolean usesTls() {
        return this != SASL_PLAINTEXT;
    }
}
