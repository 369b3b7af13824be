package dev.kafkasdk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Secured listeners, users and ACLs of a test cluster, as the {@link KafkaBroker#security()}
 * attribute:
 *
 * <pre>{@code
 * @KafkaBroker(security = @KafkaSecurity(
 *         listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
 *         users = {"alice", "bob"},
 *         authorizer = true))
 * class PaymentsSecurityIT {
 *     @Test
 *     void aliceWrites(KafkaCluster kafka) {
 *         ClientSecurity alice = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "alice");
 *         kafka.security().grant("alice", ResourceType.TOPIC, "payments", AclOperation.WRITE);
 *         // alice.properties() for kafka-clients, alice.sdkClusterYaml() for the SDK's config loader
 *     }
 * }
 * }</pre>
 *
 * <p>The kit generates everything at start-up, in the cluster's temporary directory: a CA, a broker
 * certificate for {@code 127.0.0.1} and {@code localhost}, a client certificate per user, PKCS12
 * stores, and a random password per user (PLAIN users in the listeners' JAAS list, SCRAM-SHA-256
 * and SCRAM-SHA-512 credentials added when the storage is formatted). Nothing is checked in.
 *
 * <p>By default the kit's own PLAINTEXT listener ({@link KafkaCluster#bootstrapServers()}) stays
 * open for the kit's helpers and for inter-broker traffic, and the controller listener is
 * PLAINTEXT; with {@link #authorizer()} their principal is a super user. Tests of security use the
 * secured listeners through {@link ClusterSecurity}. With {@link #interBrokerListener()} the cluster
 * has no PLAINTEXT listener at all: replication, the controller quorum and the kit's helpers use
 * secured listeners.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface KafkaSecurity {

    /**
     * The secured listeners to open; none (the default) means no security at all.
     *
     * @return the listeners
     */
    SecuredListener[] listeners() default {};

    /**
     * Users to create (besides {@link #superUser()}), each with a generated password and a client
     * certificate whose CN is the user name. Names use letters, digits, {@code .}, {@code _} and
     * {@code -}.
     *
     * @return the user names
     */
    String[] users() default {};

    /**
     * Whether to enable the KRaft {@code StandardAuthorizer}: then every principal other than
     * {@link #superUser()} (and the kit itself) needs ACLs, granted with
     * {@link ClusterSecurity#grant}.
     *
     * @return {@code true} to enforce ACLs
     */
    boolean authorizer() default false;

    /**
     * The super user, created like the other users and named in {@code super.users}.
     *
     * @return the super user's name
     */
    String superUser() default "admin";

    /**
     * Whether the SASL listeners also accept OAUTHBEARER: the kit then runs an OAuth identity provider
     * on 127.0.0.1 (token and JWKS endpoints), the brokers validate its RS256 tokens with Kafka's
     * {@code OAuthBearerValidatorCallbackHandler}, and the kit adds both URLs to the system property
     * {@code org.apache.kafka.sasl.oauthbearer.allowed.urls}.
     *
     * @return {@code true} to enable OAUTHBEARER
     */
    boolean oauth() default false;

    /**
     * Lifetime of the identity provider's tokens, for token-refresh tests.
     *
     * @return the lifetime in seconds, at least 5
     */
    int tokenLifetimeSeconds() default 3600;

    /**
     * The host names and IP addresses the brokers' certificate names (its subject alternative
     * names). Clients verify the address they connect to against them, so a list without
     * {@code 127.0.0.1} gives a cluster whose certificate does not match its address, for
     * hostname-mismatch tests.
     *
     * @return DNS names and IPv4 addresses
     */
    String[] certificateHosts() default {"localhost", "127.0.0.1"};

    /**
     * The secured listener that carries replication instead of the kit's PLAINTEXT listener: none
     * (the default) or one of {@link #listeners()}. With one, every node runs without a PLAINTEXT
     * listener:
     *
     * <ul>
     *   <li>brokers replicate over that listener as the user {@value SecurityOptions#BROKER_USER}
     *       (a super user): with {@link #interBrokerMechanism()} on a SASL listener, with the broker
     *       certificate (CN {@value SecurityOptions#BROKER_USER}) on {@link SecuredListener#MUTUAL_TLS}
     *       and on {@link SecuredListener#SSL} (which then requests, but does not require, client
     *       certificates);
     *   <li>the controller listener is secured too: SSL with required client certificates for an
     *       {@code SSL} or {@code MUTUAL_TLS} inter-broker listener, {@code SASL_SSL} or
     *       {@code SASL_PLAINTEXT} with PLAIN for a SASL one (KRaft cannot use SCRAM there: its
     *       credentials live in the metadata log the controllers serve);
     *   <li>{@link KafkaCluster#bootstrapServers()} names that listener, and the kit's helpers and
     *       {@link KafkaCluster#adminClientProperties()} (and the producer and consumer maps) connect
     *       as {@link #superUser()}; a bare {@code bootstrap.servers} no longer suffices.
     * </ul>
     *
     * <p>Not with {@link KafkaBroker#faultProxy()} (the proxied listener is PLAINTEXT). With TLS the
     * broker certificate must name 127.0.0.1 ({@link #certificateHosts()}).
     *
     * @return none, or the one inter-broker listener
     */
    SecuredListener[] interBrokerListener() default {};

    /**
     * The SASL mechanism of a SASL {@link #interBrokerListener()} ({@code
     * sasl.mechanism.inter.broker.protocol}): {@link Sasl#PLAIN}, {@link Sasl#SCRAM_SHA_256} or
     * {@link Sasl#SCRAM_SHA_512}. The brokers' SCRAM credentials are added when the storage is
     * formatted. Ignored for listeners without SASL.
     *
     * @return the mechanism
     */
    Sasl interBrokerMechanism() default Sasl.SCRAM_SHA_512;
}
