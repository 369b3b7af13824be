package dev.kafkasdk.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class ServedTopicsWaitTest {

    private static final Node BROKER = new Node(1, "127.0.0.1", 9092);

    /** A topic with {@code partitions} partitions; those in {@code leaderless} have no leader. */
    private static TopicDescription topic(String name, int partitions, Integer... leaderless) {
        List<Integer> without = List.of(leaderless);
        List<TopicPartitionInfo> infos = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartitionInfo(
                        p, without.contains(p) ? null : BROKER, List.of(BROKER), List.of(BROKER)))
                .toList();
        return new TopicDescription(name, false, infos);
    }

    /** A clock that moves only when the wait sleeps, recording each sleep. */
    private static final class FakeTime {
        long now;
        final List<Long> sleptMillis = new ArrayList<>();

        void sleep(long nanos) {
            sleptMillis.add(TimeUnit.NANOSECONDS.toMillis(nanos));
            now += nanos;
        }
    }

    @Test
    void aTopicIsServedWhenDescribedWithItsPartitionsEachLed() {
        assertThat(ServedTopicsWait.missing(Map.of("orders", 3), Map.of("orders", topic("orders", 3))))
                .isEmpty();
        assertThat(ServedTopicsWait.missing(Map.of("orders", 0), Map.of("orders", topic("orders", 1))))
                .as("0 accepts the broker's default count")
                .isEmpty();
        assertThat(ServedTopicsWait.missing(Map.of("orders", 3), Map.of()))
                .containsExactly("topic 'orders' is not described yet");
        assertThat(ServedTopicsWait.missing(Map.of("orders", 4), Map.of("orders", topic("orders", 2))))
                .containsExactly("topic 'orders' has 2 of 4 partitions");
        assertThat(ServedTopicsWait.missing(Map.of("orders", 3), Map.of("orders", topic("orders", 3, 2))))
                .containsExactly("topic 'orders' has no leader for partition 2");
        assertThat(ServedTopicsWait.missing(Map.of("orders", 3), Map.of("orders", topic("orders", 3, 0, 2))))
                .containsExactly("topic 'orders' has no leader for partitions 0, 2");
    }

    @Test
    void asksAgainWithBackoffUntilTheBrokersServeTheChange() {
        FakeTime time = new FakeTime();
        AtomicInteger asked = new AtomicInteger();
        List<Integer> timeoutsMs = new ArrayList<>();
        ServedTopicsWait.Probe probe = (minPartitions, timeoutMs) -> {
            timeoutsMs.add(timeoutMs);
            Map<String, TopicDescription> described = switch (asked.incrementAndGet()) {
                case 1 -> Map.of();
                case 2 -> Map.of("orders", topic("orders", 3, 1));
                case 3 -> Map.of("orders", topic("orders", 2));
                default -> Map.of("orders", topic("orders", 3));
            };
            return ServedTopicsWait.missing(minPartitions, described);
        };

        new ServedTopicsWait(probe, Duration.ofSeconds(5), () -> time.now, time::sleep)
                .await(Map.of("orders", 3), "orders: create (3 partitions)");

        assertThat(asked).hasValue(4);
        assertThat(time.sleptMillis).containsExactly(10L, 20L, 40L);
        assertThat(timeoutsMs).as("each look gets what is left of the wait").containsExactly(5000, 4990, 4970, 4930);
    }

    @Test
    void nothingToWaitForAsksNothing() {
        ServedTopicsWait wait = new ServedTopicsWait(
                (topics, timeoutMs) -> {
                    throw new AssertionError("asked for " + topics);
                },
                Duration.ofSeconds(5));
        wait.await(Map.of(), "");
    }

    @Test
    void givesUpAfterTheCallTimeoutNamingTheTopicAndWhatIsMissing() {
        FakeTime time = new FakeTime();
        ServedTopicsWait wait = new ServedTopicsWait(
                (topics, timeoutMs) -> ServedTopicsWait.missing(topics, Map.of("orders", topic("orders", 3, 1))),
                Duration.ofSeconds(2),
                () -> time.now,
                time::sleep);

        assertThatThrownBy(() -> wait.await(Map.of("orders", 3), "orders: create (3 partitions)"))
                .isInstanceOf(RetriableKafkaSdkException.class)
                .hasMessageContaining("applied orders: create (3 partitions)")
                .hasMessageContaining("after 2000 ms (AdminOptions callTimeout)")
                .hasMessageContaining("topic 'orders' has no leader for partition 1")
                .hasMessageContaining("apply again");
        assertThat(time.now).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(time.sleptMillis).startsWith(10L, 20L, 40L).contains(500L).allMatch(ms -> ms <= 500);
    }

    @Test
    void anInterruptStopsTheWaitAndKeepsTheFlag() {
        ServedTopicsWait wait = new ServedTopicsWait(
                (topics, timeoutMs) -> List.of("topic 'orders' is not described yet"),
                Duration.ofSeconds(5),
                System::nanoTime,
                nanos -> {
                    throw new InterruptedException();
                });
        try {
            assertThatThrownBy(() -> wait.await(Map.of("orders", 1), "orders: create (1 partitions)"))
                    .isInstanceOf(KafkaSdkException.class)
                    .isNotInstanceOf(RetriableKafkaSdkException.class)
                    .hasMessageContaining("interrupted")
                    .hasMessageContaining("the change is made");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
