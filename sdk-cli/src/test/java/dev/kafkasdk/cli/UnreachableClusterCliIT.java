package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A CLI command against a cluster nobody listens at fails once, within --timeout, naming the address. */
class UnreachableClusterCliIT {

    private static final long MARGIN_MS = 3_000;

    @Test
    void theCliFailsWithinItsTimeoutNamingTheAddress() {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = KafkaSdkAdminCli.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "groups",
                "list",
                "-b",
                "127.0.0.1:1",
                "--timeout",
                "2s");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("unreachable CLI failed after %d ms: %s", elapsedMs, err);

        assertThat(exit).isEqualTo(3);
        assertThat(elapsedMs).isBetween(1_900L, 2_000L + MARGIN_MS);
        assertThat(err.toString()).contains("127.0.0.1:1").contains("unreachable");
    }
}
