/**
 * A JUnit 5 test kit that runs a real Apache Kafka cluster (KRaft mode) for tests.
 *
 * <p>Entry points: {@link dev.kafkasdk.test.KafkaBroker @KafkaBroker} on a test class, which injects a
 * {@link dev.kafkasdk.test.KafkaCluster}, and {@link dev.kafkasdk.test.EmbeddedKafka} for code outside
 * JUnit. Nodes of a {@link dev.kafkasdk.test.Backend#CHILD_JVM} cluster can be killed, stopped and
 * restarted through {@link dev.kafkasdk.test.KafkaNode}. Every failure of the kit is a
 * {@link dev.kafkasdk.test.KafkaTestKitException}.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.test;

import org.jspecify.annotations.NullMarked;
