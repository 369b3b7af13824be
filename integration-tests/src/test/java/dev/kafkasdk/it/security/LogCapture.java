package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaCluster;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.out} and {@code System.err} (where slf4j-simple sends
 * the SDK's, kafka-clients' and the in-process broker's log lines) into memory while it runs, and
 * still lets it through.
 */
final class LogCapture {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    synchronized void start() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    synchronized String stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Stops the capture and asserts that nothing logged while it ran holds a user's password, the
     * store password or any of {@code otherSecrets}.
     */
    void stopAndAssertNoSecrets(KafkaCluster kafka, String... otherSecrets) {
        String logged = stop();
        assertThat(logged).as("captured log output").isNotEmpty();
        for (String user : kafka.security().users()) {
            assertThat(logged)
                    .as("log output vs the password of " + user)
                    .doesNotContain(kafka.security().password(user));
        }
        assertThat(logged).doesNotContain(kafka.security().storePassword());
        for (String secret : otherSecrets) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    private final class Tee extends OutputStream {
        private final OutputStream original;

        Tee(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            synchronized (captured) {
                captured.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                // the console is gone; the capture still has it
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (captured) {
                captured.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is gone; the capture still has it
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
