package dev.kafkasdk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a real Apache Kafka cluster (KRaft mode) once for the annotated test class and injects it
 * as a {@link KafkaCluster} parameter into constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @KafkaBroker
 * class OrderTopicTest {
 *     @Test
 *     void readsBackWhatItWrote(KafkaCluster kafka) {
 *         String topic = kafka.uniqueTopicName("orders");
 *         kafka.createTopic(topic, 3);
 *         kafka.produce(topic, "k", "v");
 *         assertThat(kafka.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>The cluster is started before the first {@code @BeforeAll} method and stopped after the last
 * {@code @AfterAll} method of the class. {@code @Nested} classes without their own annotation share
 * the enclosing class's cluster. Test classes that run in parallel each get their own cluster.
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaBroker {

    /**
     * Number of combined broker and controller nodes.
     *
     * @return the node count, at least 1
     */
    int nodes() default 1;

    /**
     * Where the brokers run; {@link Backend#AUTO} picks in-process for one node and child JVMs for
     * more. The system property {@value Backend#SYSTEM_PROPERTY} overrides this attribute.
     *
     * @return the requested backend
     */
    Backend backend() default Backend.AUTO;

    /**
     * Broker configuration overrides as {@code key=value} lines, for example
     * {@code "auto.create.topics.enable=false"}. Keys that the kit manages itself (listeners, node
     * ids, quorum voters, log directories) are rejected.
     *
     * @return the overrides
     */
    String[] brokerProperties() default {};

    /**
     * Partitions of topics created by {@link KafkaCluster#createTopic(String)} and of topics the
     * broker creates automatically ({@code num.partitions}).
     *
     * @return the default partition count, at least 1
     */
    int partitions() default 1;

    /**
     * How long the cluster may take to start before the test class fails.
     *
     * @return the start-up timeout in seconds
     */
    int startupTimeoutSeconds() default 120;

    /**
     * Secured listeners, users and ACLs; the default opens none. See {@link KafkaSecurity}.
     *
     * @return the security settings
     */
    KafkaSecurity security() default @KafkaSecurity;

    /**
     * Whether to put a fault-injecting TCP proxy in front of every node: clients that bootstrap from
     * {@link KafkaCluster#proxiedBootstrapServers()} can then be slowed, black-holed, refused or
     * reset per node through {@link KafkaCluster#network(int)}.
     *
     * @return {@code true} to start the proxies
     */
    boolean faultProxy() default false;

    /**
     * The Kafka release of the brokers, for compatibility tests, for example {@code "3.9.2"}; empty
     * means the class path's own broker. Another release runs in child JVMs from the jars under the
     * system property {@value EmbeddedKafkaOptions#BROKER_DISTS_PROPERTY}; the system property
     * {@value EmbeddedKafkaOptions#BROKER_VERSION_PROPERTY} overrides this attribute.
     *
     * @return the broker version, or empty
     */
    String version() default "";
}
