package dev.kafkasdk.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable security options of a test cluster: the secured listeners, the users, the super user
 * and whether ACLs are enforced. The programmatic twin of {@link KafkaSecurity}; build with
 * {@link #builder()}. {@link #none()} (the default) opens no secured listener. Thread-safe.
 */
public final class SecurityOptions {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final java.time.Duration DEFAULT_TOKEN_LIFETIME = java.time.Duration.ofHours(1);
    private static final List<String> DEFAULT_CERTIFICATE_HOSTS = List.of("localhost", "127.0.0.1");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    /** The user name (and certificate CN) the brokers authenticate as on secured internal listeners. */
    public static final String BROKER_USER = "kafka-broker";

    private static final SecurityOptions NONE = new SecurityOptions(
            Set.of(), Set.of(), false, "admin", false, DEFAULT_TOKEN_LIFETIME, DEFAULT_CERTIFICATE_HOSTS, null, null);

    private final Set<SecuredListener> listeners;
    private final Set<String> users;
    private final boolean authorizer;
    private final String superUser;
    private final boolean oauth;
    private final java.time.Duration tokenLifetime;
    private final List<String> certificateHosts;
    private final SecuredListener interBrokerListener;
    private final Sasl interBrokerMechanism;

    private SecurityOptions(
            Set<SecuredListener> listeners,
            Set<String> users,
            boolean authorizer,
            String superUser,
            boolean oauth,
            java.time.Duration tokenLifetime,
            List<String> certificateHosts,
            SecuredListener interBrokerListener,
            Sasl interBrokerMechanism) {
        this.interBrokerListener = interBrokerListener;
        this.interBrokerMechanism = interBrokerMechanism;
        this.listeners = listeners;
        this.users = users;
        this.authorizer = authorizer;
        this.superUser = superUser;
        this.oauth = oauth;
        this.tokenLifetime = tokenLifetime;
        this.certificateHosts = certificateHosts;
    }

    /**
     * No secured listener: the cluster speaks PLAINTEXT only.
     *
     * @return the shared instance
     */
    public static SecurityOptions none() {
        return NONE;
    }

    /**
     * A builder with no listener, no user, no authorizer and super user {@code admin}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The secured listeners.
     *
     * @return an unmodifiable set, empty for no security
     */
    public Set<SecuredListener> listeners() {
        return listeners;
    }

    /**
     * Every user the kit creates, the super user first.
     *
     * @return an unmodifiable set in creation order; empty when there is no secured listener
     */
    public Set<String> users() {
        return users;
    }

    /**
     * Whether the {@code StandardAuthorizer} enforces ACLs.
     *
     * @return {@code true} if ACLs are enforced
     */
    public boolean authorizer() {
        return authorizer;
    }

    /**
     * The super user's name.
     *
     * @return the name
     */
    public String superUser() {
        return superUser;
    }

    /**
     * Whether SASL listeners also accept OAUTHBEARER tokens from the kit's identity provider.
     *
     * @return {@code true} if OAUTHBEARER is enabled
     */
    public boolean oauth() {
        return oauth;
    }

    /**
     * Lifetime of the identity provider's tokens.
     *
     * @return the lifetime
     */
    public java.time.Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * The names and addresses in the brokers' certificate.
     *
     * @return DNS names and IPv4 addresses, {@code localhost} and {@code 127.0.0.1} by default
     */
    public List<String> certificateHosts() {
        return certificateHosts;
    }

    /**
     * The secured listener that carries replication and the kit's own traffic instead of the kit's
     * PLAINTEXT listener (see {@link KafkaSecurity#interBrokerListener()}).
     *
     * @return the listener; empty when the kit's PLAINTEXT listener carries replication (the default)
     */
    public java.util.Optional<SecuredListener> interBrokerListener() {
        return java.util.Optional.ofNullable(interBrokerListener);
    }

    /**
     * The SASL mechanism brokers use on a SASL {@linkplain #interBrokerListener() inter-broker
     * listener} ({@code sasl.mechanism.inter.broker.protocol}), which the kit's own clients use too.
     *
     * @return the mechanism; empty without a SASL inter-broker listener
     */
    public java.util.Optional<Sasl> interBrokerMechanism() {
        return interBrokerListener != null && interBrokerListener.usesSasl()
                ? java.util.Optional.of(interBrokerMechanism)
                : java.util.Optional.empty();
    }

    /**
     * Whether the cluster runs without the kit's PLAINTEXT listener: replication, the controller
     * quorum and the kit's own clients all use secured listeners.
     *
     * @return {@code true} if an {@linkplain #interBrokerListener() inter-broker listener} is set
     */
    public boolean securesInternalTraffic() {
        return interBrokerListener != null;
    }

    /**
     * Whether any secured listener is requested.
     *
     * @return {@code true} if the cluster is secured
     */
    public boolean enabled() {
        return !listeners.isEmpty();
    }

    @Override
    public String toString() {
        return "SecurityOptions{listeners=" + listeners + ", users=" + users + ", authorizer=" + authorizer
                + ", superUser=" + superUser + ", oauth=" + oauth + ", tokenLifetime=" + tokenLifetime
                + ", certificateHosts=" + certificateHosts
                + (interBrokerListener == null
                        ? ""
                        : ", interBrokerListener=" + interBrokerListener + ", interBrokerMechanism="
                                + interBrokerMechanism().map(Sasl::name).orElse("none"))
                + '}';
    }

    /** Mutable builder of {@link SecurityOptions}; not thread-safe. */
    public static final class Builder {
        private final List<SecuredListener> listeners = new ArrayList<>();
        private final List<String> users = new ArrayList<>();
        private boolean authorizer;
        private String superUser = "admin";
        private boolean oauth;
        private java.time.Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private List<String> certificateHosts = DEFAULT_CERTIFICATE_HOSTS;
        private boolean interBrokerSet;
        private SecuredListener interBrokerListener;
        private Sasl interBrokerMechanism = Sasl.SCRAM_SHA_512;

        private Builder() {}

        /**
         * Makes {@code listener} carry replication and the kit's own traffic, drops the kit's
         * PLAINTEXT listener and secures the controller listener (see
         * {@link KafkaSecurity#interBrokerListener()}). A SASL listener uses SCRAM-SHA-512 between
         * brokers unless {@link #interBroker(SecuredListener, Sasl)} says otherwise.
         *
         * @param listener one of the {@linkplain #listeners(SecuredListener...) secured listeners}
         * @return this builder
         */
        public Builder interBroker(SecuredListener listener) {
            this.interBrokerSet = true;
            this.interBrokerListener = listener;
            return this;
        }

        /**
         * As {@link #interBroker(SecuredListener)} with the SASL mechanism brokers (and the kit's own
         * clients) use on a SASL listener.
         *
         * @param listener  one of the {@linkplain #listeners(SecuredListener...) secured listeners}
         * @param mechanism {@link Sasl#PLAIN}, {@link Sasl#SCRAM_SHA_256} or {@link Sasl#SCRAM_SHA_512};
         *                  ignored for a listener without SASL
         * @return this builder
         */
        public Builder interBroker(SecuredListener listener, Sasl mechanism) {
            interBroker(listener);
            this.interBrokerMechanism = mechanism;
            return this;
        }

        /**
         * Sets the names and addresses the brokers' certificate carries (replacing the default
         * {@code localhost} and {@code 127.0.0.1}).
         *
         * @param hosts DNS names and IPv4 addresses, at least one
         * @return this builder
         */
        public Builder certificateHosts(String... hosts) {
            this.certificateHosts = List.of(hosts);
            return this;
        }

        /**
         * Enables OAUTHBEARER on the SASL listeners, with the kit's identity provider.
         *
         * @param enabled {@code true} to enable it
         * @return this builder
         */
        public Builder oauth(boolean enabled) {
            this.oauth = enabled;
            return this;
        }

        /**
         * Sets the lifetime of the identity provider's tokens.
         *
         * @param lifetime at least 5 seconds
         * @return this builder
         */
        public Builder tokenLifetime(java.time.Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Adds secured listeners.
         *
         * @param added the listeners
         * @return this builder
         */
        public Builder listeners(SecuredListener... added) {
            listeners.addAll(List.of(added));
            return this;
        }

        /**
         * Adds users.
         *
         * @param added user names of letters, digits, {@code .}, {@code _} and {@code -}
         * @return this builder
         */
        public Builder users(String... added) {
            users.addAll(List.of(added));
            return this;
        }

        /**
         * Enables or disables the {@code StandardAuthorizer}.
         *
         * @param enabled {@code true} to enforce ACLs
         * @return this builder
         */
        public Builder authorizer(boolean enabled) {
            this.authorizer = enabled;
            return this;
        }

        /**
         * Sets the super user's name.
         *
         * @param name a user name
         * @return this builder
         */
        public Builder superUser(String name) {
            this.superUser = name;
            return this;
        }

        /**
         * Checks every value and builds the options.
         *
         * @return the options
         * @throws KafkaTestKitException naming every invalid value and what would be valid
         */
        public SecurityOptions build() {
            List<String> problems = new ArrayList<>();
            if (listeners.contains(null)) {
                problems.add("security.listeners contains null: use " + List.of(SecuredListener.values()));
            }
            Set<String> all = new LinkedHashSet<>();
            all.add(superUser);
            all.addAll(users);
            for (String user : all) {
                if (user == null || !USER_NAME.matcher(user).matches()) {
                    problems.add("security user '" + user + "': must be 1 to 64 letters, digits, '.', '_' or '-'");
                }
            }
            if (listeners.isEmpty() && (!users.isEmpty() || authorizer)) {
                problems.add("security.users/authorizer set but security.listeners is empty: add a SecuredListener"
                        + " such as SASL_SSL, or drop the users and the authorizer");
            }
            if (oauth && listeners.stream().noneMatch(l -> l != null && l.usesSasl())) {
                problems.add(
                        "security.oauth=true needs a SASL listener: add SecuredListener.SASL_SSL or SASL_PLAINTEXT");
            }
            if (tokenLifetime == null || tokenLifetime.compareTo(java.time.Duration.ofSeconds(5)) < 0) {
                problems.add("security.tokenLifetime=" + tokenLifetime + ": must be at least 5 seconds");
            }
            if (certificateHosts.isEmpty()) {
                problems.add("security.certificateHosts is empty: name at least one host, e.g. localhost");
            }
            for (String host : certificateHosts) {
                if (!IPV4.matcher(host).matches() && !DNS_NAME.matcher(host).matches()) {
                    problems.add("security.certificateHosts '" + host + "': must be a DNS name or an IPv4 address");
                }
            }
            interBrokerProblems(all, problems);
            if (!problems.isEmpty()) {
                throw new KafkaTestKitException("Invalid Kafka test cluster security: " + String.join("; ", problems));
            }
            if (listeners.isEmpty()) {
                return NONE;
            }
            Set<SecuredListener> set = EnumSet.noneOf(SecuredListener.class);
            set.addAll(listeners);
            return new SecurityOptions(
                    Collections.unmodifiableSet(set),
                    Collections.unmodifiableSet(all),
                    authorizer,
                    Objects.requireNonNull(superUser),
                    oauth,
                    tokenLifetime,
                    certificateHosts,
                    interBrokerListener,
                    interBrokerMechanism);
        }

        private void interBrokerProblems(Set<String> users, List<String> problems) {
            if (!interBrokerSet) {
                return;
            }
            SecuredListener listener = interBrokerListener;
            if (listener == null || !listeners.contains(listener)) {
                problems.add("security.interBrokerListener=" + listener + ": must be one of security.listeners "
                        + listeners + "; add it there");
                return;
            }
            if (listener.usesSasl() && (interBrokerMechanism == null || interBrokerMechanism == Sasl.OAUTHBEARER)) {
                problems.add("security.interBrokerMechanism=" + interBrokerMechanism
                        + ": brokers authenticate to each other with PLAIN, SCRAM_SHA_256 or SCRAM_SHA_512"
                        + " (the kit does not run OAUTHBEARER between brokers)");
            }
            if (users.contains(BROKER_USER)) {
                problems.add("security user '" + BROKER_USER + "': the name is the brokers' own identity with"
                        + " security.interBrokerListener; pick another name");
            }
            if (listener.usesTls() && !certificateHosts.contains("127.0.0.1")) {
                problems.add("security.certificateHosts " + certificateHosts + " without 127.0.0.1 and"
                        + " security.interBrokerListener=" + listener + ": brokers verify each other's certificate"
                        + " at 127.0.0.1; add it or use the kit's PLAINTEXT inter-broker listener");
            }
        }
    }
}
