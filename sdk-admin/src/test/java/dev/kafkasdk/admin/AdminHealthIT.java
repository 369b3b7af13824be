package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** An admin's {@code health()} reports its last answered call, and a cluster that stopped answering. */
@KafkaBroker
class AdminHealthIT {

    @Test
    void aCallTheClusterAnsweredIsTheLastContact(KafkaCluster kafka) {
        Queue<HealthEvent> events = new ConcurrentLinkedQueue<>();
        Instant before = Instant.now();
        SdkAdmin admin = SdkAdmin.builder(AdminSettings.builder()
                        .name("health")
                        .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                        .build())
                .healthListener(events::add)
                .build();
        try (admin) {
            assertThat(admin.health().status()).isEqualTo(ClientHealth.Status.READY);
            assertThat(admin.health().lastContact()).isEmpty();

            admin.cluster().partitionLoad();

            ClientHealth health = admin.health();
            assertThat(health.isReady()).isTrue();
            assertThat(health.state()).isEqualTo("OPEN");
            assertThat(health.lastContact())
                    .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before));
            assertThat(health.assignment()).isEmpty();
        }
        assertThat(admin.health().status()).isEqualTo(ClientHealth.Status.STOPPED);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events.stream().map(HealthEvent::type).toList())
                .containsExactly(HealthEvent.Type.STARTED, HealthEvent.Type.STOPPED);
    }

    @Test
    void anUnansweredCallMakesTheAdminNotReadyNamingTheAddress() {
        AdminOptions options = AdminOptions.builder()
                .callTimeout(Duration.ofSeconds(1))
                .maxAttempts(1)
                .build();
        try (SdkAdmin admin = SdkAdmin.create(
                AdminSettings.builder()
                        .name("health-unreachable")
                        .cluster(ClusterSettings.of("127.0.0.1:1"))
                        .build(),
                options)) {
            Throwable failure = catchThrowable(() -> admin.cluster().partitionLoad());

            ClientHealth health = admin.health();
            assertThat(health.status()).isEqualTo(ClientHealth.Status.NOT_READY);
            assertThat(health.isLive()).isTrue();
            assertThat(health.lastContact()).isEmpty();
            assertThat(health.cause()).containsSame(failure);
            assertThat(health.cause().orElseThrow()).hasMessageContaining("127.0.0.1:1");
            assertThat(List.of(health.clientId())).containsExactly(admin.clientId());
        }
    }
}
