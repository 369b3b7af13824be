package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes through the JUnit launcher to watch the extension's class lifecycle. */
class KafkaBrokerExtensionIT {

    @Test
    void injectsOneClusterPerClassEverywhereAndClosesItAfterTheClass() {
        TestExecutionSummary summary = run(PerClassLifecycle.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(PerClassLifecycle.SEEN).hasSize(4).containsOnly(PerClassLifecycle.SEEN.get(0));
        KafkaCluster cluster = PerClassLifecycle.SEEN.get(0);
        assertThat(cluster.node(0).isAlive()).isFalse();
        assertThat(accepts(cluster.node(0).bootstrapAddress()))
                .as("broker port after the class")
                .isFalse();
    }

    @Test
    void reportsMalformedAnnotationAttributesAsAFailureOfTheClass() {
        TestExecutionSummary summary = run(MalformedBrokerProperties.class);

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.getException())
                        .isInstanceOf(KafkaTestKitException.class)
                        .hasMessageContaining(MalformedBrokerProperties.class.getName())
                        .hasMessageContaining("'no-equals-sign'"));
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(testClass))
                        .build(),
                listener);
        return listener.getSummary();
    }

    private static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Run only through the launcher above: static nested classes are not discovered on their own. */
    @KafkaBroker
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassLifecycle {
        static final List<KafkaCluster> SEEN = new CopyOnWriteArrayList<>();

        PerClassLifecycle(KafkaCluster kafka) {
            SEEN.add(kafka);
        }

        @BeforeAll
        void beforeAll(KafkaCluster kafka) {
            SEEN.add(kafka);
        }

        @Test
        void producesThroughTheInjectedCluster(KafkaCluster kafka) {
            SEEN.add(kafka);
            String topic = kafka.uniqueTopicName("lifecycle");
            kafka.createTopic(topic);
            kafka.produce(topic, "k", "v");
            assertThat(kafka.consume(topic, 1, Duration.ofSeconds(30))).hasSize(1);
        }

        @Test
        void seesTheSameCluster(KafkaCluster kafka) {
            SEEN.add(kafka);
        }
    }

    @KafkaBroker(brokerProperties = "no-equals-sign")
    static class MalformedBrokerProperties {
        @Test
        void neverRuns() {
            throw new AssertionError("the class must fail before its tests run");
        }
    }
}
