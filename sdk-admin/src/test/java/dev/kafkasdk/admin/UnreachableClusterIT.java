package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An admin call to a cluster nobody listens at ({@code 127.0.0.1:1}) fails once, within the call
 * timeout, naming the address; it is not retried three times.
 */
class UnreachableClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long MARGIN_MS = 3_000;

    private static AdminSettings unreachable() {
        return AdminSettings.builder()
                .name("unreachable")
                .cluster(ClusterSettings.of("127.0.0.1:1"))
                .build();
    }

    @Test
    void everyKindOfCallFailsOnceWithinTheCallTimeoutNamingTheAddress() {
        AdminOptions options =
                AdminOptions.builder().callTimeout(TIMEOUT).maxAttempts(3).build();
        List<Consumer<SdkAdmin>> calls = List.of(
                admin -> admin.groups().list(),
                admin -> admin.cluster().partitionLoad(),
                admin -> admin.topics()
                        .plan(List.of(TopicSpec.builder("orders")
                                .partitions(1)
                                .replicationFactor(1)
                                .build())));
        try (SdkAdmin admin = SdkAdmin.create(unreachable(), options)) {
            for (Consumer<SdkAdmin> call : calls) {
                long start = System.nanoTime();
                Throwable failure = catchThrowable(() -> call.accept(admin));
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.printf("unreachable admin call failed after %d ms: %s%n", elapsedMs, failure.getMessage());

                assertThat(elapsedMs)
                        .as("time to the error")
                        .isBetween(TIMEOUT.toMillis() - 100, TIMEOUT.toMillis() + MARGIN_MS);
                assertThat(failure)
                        .isInstanceOf(RetriableKafkaSdkException.class)
                        .hasMessageContaining("no answer from the cluster (bootstrap servers 127.0.0.1:1)")
                        .hasMessageContaining("within the call timeout (3000 ms)")
                        .hasMessageContaining("unreachable");
            }
        }
    }
}
