package dev.kafkasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.health.HealthListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HealthEventsTest {

    @Test
    void listenersGetEveryEventInOrderOnTheHealthThreadEvenWhenOneThrows() {
        Queue<HealthEvent> seen = new ConcurrentLinkedQueue<>();
        Queue<String> threads = new ConcurrentLinkedQueue<>();
        HealthListener throwing = event -> {
            threads.add(Thread.currentThread().getName());
            throw new IllegalStateException("boom");
        };
        HealthEvents events = HealthEvents.create("c-1", List.of(throwing, seen::add), "kafka-sdk-test-1-health");

        events.emit(HealthEvent.Type.STARTED);
        events.partitions(HealthEvent.Type.PARTITIONS_ASSIGNED, List.of(new TopicPartition("t", 0)));
        events.idle(Duration.ofSeconds(3));
        events.failed(new IllegalStateException("down"));
        events.emit(HealthEvent.Type.STOPPED);
        events.close(Duration.ofSeconds(10));

        assertThat(seen)
                .extracting(HealthEvent::type)
                .containsExactly(
                        HealthEvent.Type.STARTED,
                        HealthEvent.Type.PARTITIONS_ASSIGNED,
                        HealthEvent.Type.IDLE,
                        HealthEvent.Type.FAILED,
                        HealthEvent.Type.STOPPED);
        assertThat(seen).allMatch(e -> e.clientId().equals("c-1"));
        List<HealthEvent> list = List.copyOf(seen);
        assertThat(list.get(1).partitions()).containsExactly(new TopicPartition("t", 0));
        assertThat(list.get(2).idleFor()).contains(Duration.ofSeconds(3));
        assertThat(list.get(3).cause()).hasValueSatisfying(c -> assertThat(c).hasMessage("down"));
        assertThat(threads).hasSize(5).containsOnly("kafka-sdk-test-1-health");
    }

    @Test
    void eventsAfterCloseAreDroppedWithoutThrowing() {
        Queue<HealthEvent> seen = new ConcurrentLinkedQueue<>();
        HealthEvents events = HealthEvents.create("c-2", List.of(seen::add), "kafka-sdk-test-2-health");
        events.close(Duration.ofSeconds(1));

        events.emit(HealthEvent.Type.STOPPED);

        assertThat(seen).isEmpty();
    }

    @Test
    void lastContactKeepsTheLatestTime() {
        HealthEvents events = HealthEvents.none("c-3");
        assertThat(events.lastContact()).isEmpty();
        assertThat(events.listened()).isFalse();

        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        events.contactAt(later);
        events.contactAt(later.minusSeconds(60));

        assertThat(events.lastContact()).contains(later);
    }

    @Test
    void aSnapshotIsImmutableAndSaysReadyAndLive() {
        Set<TopicPartition> assignment = new java.util.HashSet<>(Set.of(new TopicPartition("t", 1)));
        Instant now = Instant.now();
        ClientHealth health = new ClientHealth(
                "c",
                ClientHealth.Status.NOT_READY,
                "REBALANCING",
                Optional.of(now.minusSeconds(2)),
                Optional.empty(),
                assignment,
                now);
        assignment.clear();

        assertThat(health.assignment()).containsExactly(new TopicPartition("t", 1));
        assertThat(health.isReady()).isFalse();
        assertThat(health.isLive()).isTrue();
        assertThat(health.sinceLastContact()).contains(Duration.ofSeconds(2));
        assertThatThrownBy(() -> health.assignment().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
