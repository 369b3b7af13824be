package dev.kafkasdk.test;

import java.nio.file.Path;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The secured side of a test cluster started with {@link KafkaSecurity} (or
 * {@link EmbeddedKafkaOptions.Builder#security(SecurityOptions)}): client settings per listener,
 * mechanism and user, user management and ACL helpers. Obtain it from
 * {@link KafkaCluster#security()}.
 *
 * <p>The generated passwords and stores are test material: they live only in the cluster's
 * temporary directory and in this object, and disappear with the cluster. Thread-safe; blocking
 * methods wait at most the cluster's operation timeout.
 */
public interface ClusterSecurity {

    /**
     * The secured listeners the cluster opened.
     *
     * @return an unmodifiable set
     */
    Set<SecuredListener> listeners();

    /**
     * Every user created at start-up (the super user first) and through {@link #createScramUser}.
     *
     * @return an unmodifiable snapshot
     */
    Set<String> users();

    /**
     * The super user's name.
     *
     * @return the name named in {@code super.users}
     */
    String superUser();

    /**
     * Whether the {@code StandardAuthorizer} enforces ACLs.
     *
     * @return {@code true} if ACLs are enforced
     */
    boolean authorizerEnabled();

    /**
     * The generated password of a user.
     *
     * @param user a user name
     * @return the password
     * @throws IllegalArgumentException if the kit has no such user
     */
    String password(String user);

    /**
     * The {@code host:port} list of one secured listener.
     *
     * @param listener an opened listener
     * @return the comma-separated addresses
     * @throws IllegalArgumentException if the cluster did not open that listener
     */
    String bootstrapServers(SecuredListener listener);

    /**
     * Client settings for {@code user} on a TLS-only listener ({@link SecuredListener#SSL}: the user
     * is only recorded, the principal is {@code ANONYMOUS}; {@link SecuredListener#MUTUAL_TLS}: the
     * user's certificate) or on a SASL listener with {@link Sasl#SCRAM_SHA_256}.
     *
     * @param listener an opened listener
     * @param user     a user name
     * @return the settings
     * @throws IllegalArgumentException if the listener is not open or the user unknown
     */
    ClientSecurity client(SecuredListener listener, String user);

    /**
     * Client settings for {@code user} authenticating with {@code mechanism} on a SASL listener.
     *
     * @param listener  {@link SecuredListener#SASL_PLAINTEXT} or {@link SecuredListener#SASL_SSL}
     * @param mechanism the mechanism
     * @param user      a user name
     * @return the settings
     * @throws IllegalArgumentException if the listener is not open or not SASL, or the user unknown
     */
    ClientSecurity client(SecuredListener listener, Sasl mechanism, String user);

    /**
     * How many tokens the kit's OAuth identity provider has issued (each client login and each
     * token refresh asks for one).
     *
     * @return the count; 0 without {@link KafkaSecurity#oauth()}
     */
    long issuedTokens();

    /** What the kit's identity provider gets wrong in the tokens it issues to one user. */
    enum TokenFault {
        /** Valid tokens (the default). */
        NONE,
        /** Tokens whose {@code exp} lies a minute in the past. */
        EXPIRED,
        /** Tokens signed with a key the brokers' JWKS does not hold (same key id). */
        BAD_SIGNATURE
    }

    /**
     * Makes the identity provider issue faulty tokens to {@code user} from now on (until set back
     * to {@link TokenFault#NONE}), for token-failure tests. Tokens already issued stay as they are.
     *
     * @param user  a user name (the OAuth client id)
     * @param fault what to get wrong
     * @throws IllegalStateException without {@link KafkaSecurity#oauth()}
     */
    void tokenFault(String user, TokenFault fault);

    /**
     * A PKCS12 trust store holding a CA that did not sign the brokers' certificates, for
     * "untrusted server certificate" tests; its password is {@link #storePassword()}.
     *
     * @return the file
     */
    Path untrustedTruststore();

    /**
     * The password of every store the kit wrote (trust stores, key stores, keys).
     *
     * @return the password
     */
    String storePassword();

    /**
     * Creates (or replaces) SCRAM-SHA-256 and SCRAM-SHA-512 credentials through the admin API. The
     * user can then authenticate with SCRAM on every SASL listener (not with PLAIN, whose users are
     * fixed at start-up), and has no client certificate.
     *
     * @param user     a user name
     * @param password the password
     * @throws KafkaTestKitException if the broker refuses or does not answer in time
     */
    void createScramUser(String user, String password);

    /**
     * Allows {@code User:<user>} the operations on a resource (literal pattern, any host) and waits
     * until the broker answers {@code describeAcls} with them.
     *
     * @param user         the principal's user name ({@code ANONYMOUS} for {@link SecuredListener#SSL} clients)
     * @param resourceType e.g. {@link ResourceType#TOPIC}, {@link ResourceType#GROUP}, {@link ResourceType#CLUSTER}
     * @param resourceName the resource's name ({@code kafka-cluster} for the cluster)
     * @param operations   the operations to allow
     * @throws KafkaTestKitException if the ACLs cannot be created in time
     */
    void grant(String user, ResourceType resourceType, String resourceName, AclOperation... operations);

    /**
     * Like {@link #grant(String, ResourceType, String, AclOperation...)} with a pattern type, e.g.
     * {@link PatternType#PREFIXED} to cover every topic that starts with {@code resourceName}.
     *
     * @param user         the principal's user name
     * @param resourceType the resource type
     * @param resourceName the resource name or prefix
     * @param patternType  {@link PatternType#LITERAL} or {@link PatternType#PREFIXED}
     * @param operations   the operations to allow
     * @throws KafkaTestKitException if the ACLs cannot be created in time
     */
    void grant(
            String user,
            ResourceType resourceType,
            String resourceName,
            PatternType patternType,
            AclOperation... operations);

    /**
     * Removes ALLOW ACLs that {@link #grant} created (literal pattern) and waits until the broker no
     * longer lists them. The brokers' authorizers apply the change from the metadata log a moment
     * later, so a request sent right after this returns may still be allowed.
     *
     * @param user         the principal's user name
     * @param resourceType the resource type
     * @param resourceName the resource name
     * @param operations   the operations to take away
     * @throws KafkaTestKitException if the ACLs cannot be deleted in time
     */
    void revoke(String user, ResourceType resourceType, String resourceName, AclOperation... operations);
}
