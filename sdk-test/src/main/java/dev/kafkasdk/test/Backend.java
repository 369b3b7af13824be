package dev.kafkasdk.test;

/**
 * Where the brokers of a test cluster run.
 *
 * <p>The backend is chosen from the {@link KafkaBroker#backend()} attribute or
 * {@link EmbeddedKafkaOptions#backend()}, and can be overridden for a whole run with the system
 * property {@value #SYSTEM_PROPERTY}. Setting {@value #BOOTSTRAP_SERVERS_PROPERTY} turns
 * {@link #AUTO} into {@link #EXTERNAL}. The full rule is described on {@link EmbeddedKafka}.
 *
 * @since 0.1
 */
public enum Backend {
    /** In-process broker for one node, one child JVM per node for more than one node. */
    AUTO,
    /**
     * One combined broker and controller running inside the test JVM. Fastest start-up; no fault
     * injection; a fatal broker error is turned into an exception instead of halting the JVM.
     */
    IN_PROCESS,
    /**
     * One combined broker and controller JVM per node, started as a child process. Supports
     * {@link KafkaNode#kill()}, {@link KafkaNode#stop()} and {@link KafkaNode#restart()}.
     */
    CHILD_JVM,
    /**
     * A single-node {@code apache/kafka} container started through Testcontainers. Needs the
     * optional {@code org.testcontainers:testcontainers-kafka} dependency and a Docker engine.
     */
    TESTCONTAINERS,
    /**
     * An existing cluster named by {@value #BOOTSTRAP_SERVERS_PROPERTY} (or
     * {@link EmbeddedKafkaOptions#externalBootstrapServers()}); the kit neither starts nor stops it.
     */
    EXTERNAL;

    /** System property that overrides the backend of every cluster the kit starts. */
    public static final String SYSTEM_PROPERTY = "kafka.sdk.test.backend";

    /** System property naming an existing cluster; selects {@link #EXTERNAL} in place of {@link #AUTO}. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "kafka.bootstrap.servers";
}
