package dev.kafkasdk.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.admin.AdminAuthorizationException;
import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.metrics.SdkMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class AdminCallsTest {

    private final AdminCalls calls = new AdminCalls(
            "test",
            AdminOptions.builder()
                    .maxAttempts(3)
                    .retryBackoff(Duration.ofMillis(1))
                    .callTimeout(Duration.ofSeconds(5))
                    .build());

    private static <T> KafkaFuture<T> failed(Throwable error) {
        KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
        future.completeExceptionally(error);
        return future;
    }

    @Test
    void anAdminCallTheBrokersLackFailsOnceNamingTheCallAndTheFix() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("describe the metadata quorum", Target.cluster(), timeout -> {
                    attempts.incrementAndGet();
                    return failed(new org.apache.kafka.common.errors.UnsupportedVersionException(
                            "The node does not support DESCRIBE_QUORUM"));
                }))
                .isInstanceOf(dev.kafkasdk.core.FatalKafkaSdkException.class)
                .hasMessageStartingWith("failed to describe the metadata quorum: the cluster's brokers do not have"
                        + " this admin call (Kafka: The node does not support DESCRIBE_QUORUM). It needs a newer Kafka"
                        + " release on every broker");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesRetriableFailuresUntilOneSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = calls.call(
                "describe cluster",
                Target.cluster(),
                timeout -> attempts.incrementAndGet() < 3
                        ? failed(new NotControllerException("moved"))
                        : KafkaFuture.completedFuture("ok"));

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterMaxAttemptsWithARetriableSdkException() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("describe cluster", Target.cluster(), timeout -> {
                    attempts.incrementAndGet();
                    return failed(new NotControllerException("moved"));
                }))
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("failed to describe cluster");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aTimeoutIsNotRetriedAndNamesTheBootstrapServers() {
        AdminCalls named = new AdminCalls(
                "admin-1",
                AdminOptions.builder()
                        .maxAttempts(3)
                        .retryBackoff(Duration.ofMillis(1))
                        .callTimeout(Duration.ofSeconds(5))
                        .build(),
                SdkMetrics.noop(),
                "127.0.0.1:1");
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> named.call("list nodes", Target.cluster(), timeout -> {
                    attempts.incrementAndGet();
                    return failed(new org.apache.kafka.common.errors.TimeoutException(
                            "Timed out waiting for a node assignment. Call: listNodes"));
                }))
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("failed to list nodes: no answer from the cluster (bootstrap servers 127.0.0.1:1)"
                        + " within the call timeout (5000 ms): it is unreachable or down")
                .hasMessageContaining("Timed out waiting for a node assignment");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesStopWhenTheCallTimeoutIsSpent() {
        AdminCalls bounded = new AdminCalls(
                "admin-2",
                AdminOptions.builder()
                        .maxAttempts(1_000)
                        .retryBackoff(Duration.ofMillis(50))
                        .callTimeout(Duration.ofMillis(400))
                        .build());
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger lastTimeout = new AtomicInteger();
        long start = System.nanoTime();
        assertThatThrownBy(() -> bounded.call("describe cluster", Target.cluster(), timeout -> {
                    attempts.incrementAndGet();
                    lastTimeout.set(timeout);
                    return failed(new NotControllerException("moved"));
                }))
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining(
                        "failed to describe cluster: moved (the call timeout of 400 ms was spent on retries)");
        long elapsedMs = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isBetween(400L, 1_400L);
        assertThat(attempts.get()).isBetween(2, 20);
        assertThat(lastTimeout.get()).as("each attempt gets what is left").isLessThan(400);
    }

    @Test
    void doesNotRetryNonRetriableFailures() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("create topics", Target.topics(List.of("bad topic")), timeout -> {
                    attempts.incrementAndGet();
                    return failed(new InvalidTopicException("illegal name"));
                }))
                .isInstanceOf(KafkaSdkException.class)
                .hasMessageContaining("failed to create topics (topic bad topic): illegal name");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void authorizationFailuresNameTheResourceAndAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("describe topics", Target.topics(List.of("a", "b")), timeout -> {
                    attempts.incrementAndGet();
                    return failed(new TopicAuthorizationException(Set.of("b")));
                }))
                .isInstanceOfSatisfying(AdminAuthorizationException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(AdminAuthorizationException.ResourceType.TOPIC);
                    assertThat(e.resourceNames()).containsExactly("b");
                    assertThat(e.getMessage())
                            .isEqualTo("not authorized to describe topics: the principal lacks the ACL for topic 'b'");
                });
        assertThat(attempts).hasValue(1);

        assertThatThrownBy(() -> calls.call(
                        "describe consumer group",
                        Target.group("billing"),
                        timeout -> failed(new GroupAuthorizationException("denied", "billing"))))
                .hasMessage(
                        "not authorized to describe consumer group: the principal lacks the ACL for group 'billing'");
    }

    @Test
    void multiFutureAttemptsAreRetriedAsAWholeOnRetriableFailures() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> result = calls.run("describe topics", Target.topics(List.of("a")), timeout -> {
            if (attempts.incrementAndGet() == 1) {
                throw new NotControllerException("moved");
            }
            return List.of(calls.await(KafkaFuture.completedFuture("a")));
        });

        assertThat(result).containsExactly("a");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void passesWhatIsLeftOfTheCallTimeoutIntoTheRequest() {
        int seen = calls.call("x", Target.cluster(), KafkaFuture::completedFuture);
        assertThat(seen).isBetween(4_000, 5_000);
    }

    @Test
    void everyCallIsTimedOnceWithItsOperationOutcomeAndException() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AdminCalls metered = new AdminCalls(
                "admin-7",
                AdminOptions.builder()
                        .maxAttempts(3)
                        .retryBackoff(Duration.ofMillis(1))
                        .build(),
                SdkMetrics.of(registry, Tags.of("app", "ops")));
        AtomicInteger attempts = new AtomicInteger();

        metered.call(
                "describe cluster",
                Target.cluster(),
                timeout -> attempts.incrementAndGet() < 2
                        ? failed(new NotControllerException("moving"))
                        : KafkaFuture.completedFuture("ok"));
        assertThatThrownBy(() -> metered.call(
                "create topics",
                Target.topics(List.of("bad topic")),
                timeout -> failed(new InvalidTopicException("bad name"))));

        Timer success = registry.get(AdminCalls.CALL_TIMER)
                .tags(
                        "operation",
                        "describe-cluster",
                        "outcome",
                        "success",
                        "exception",
                        "none",
                        "client.id",
                        "admin-7",
                        "app",
                        "ops")
                .timer();
        Timer failure = registry.get(AdminCalls.CALL_TIMER)
                .tags("operation", "create-topics", "outcome", "failure", "exception", "InvalidTopicException")
                .timer();
        assertThat(success.count()).as("one timing per call, retries included").isEqualTo(1);
        assertThat(failure.count()).isEqualTo(1);
        assertThat(registry.getMeters()).hasSize(2);
    }
}
