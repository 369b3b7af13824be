package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.stream().filter(ChildProcess::isAlive).forEach(ChildProcess::kill);
    }

    private ChildProcess launchIdleChild() {
        List<String> arguments = new ArrayList<>(List.of(
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                String.join(java.io.File.pathSeparator, JvmClasspath.resolve()),
                IdleMain.class.getName()));
        ChildProcess child = ChildProcess.launch(arguments, dir.resolve("jvm.args"), dir.resolve("child.log"));
        started.add(child);
        await().atMost(Duration.ofSeconds(30)).until(() -> log().contains("idle child ready"));
        return child;
    }

    private String log() throws IOException {
        Path file = dir.resolve("child.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void killSendsSigkillSoNoShutdownHookRuns() throws IOException {
        ChildProcess child = launchIdleChild();

        child.kill();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitCode()).hasValue(128 + 9);
        assertThat(log()).doesNotContain("shutdown hook ran");
    }

    @Test
    void terminateSendsSigtermAndTheChildShutsDownCleanly() throws IOException {
        ChildProcess child = launchIdleChild();

        boolean exitedOnItsOwn = child.terminate(Duration.ofSeconds(30));

        assertThat(exitedOnItsOwn).isTrue();
        assertThat(child.exitCode()).hasValue(128 + 15);
        assertThat(log()).contains("shutdown hook ran");
    }

    @Test
    void childHaltsWhenItsParentIsKilled() throws IOException {
        List<String> arguments = List.of(
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                String.join(java.io.File.pathSeparator, JvmClasspath.resolve()),
                ParentOfIdleChildMain.class.getName(),
                dir.toString());
        ChildProcess parent = ChildProcess.launch(arguments, dir.resolve("parent.args"), dir.resolve("parent.log"));
        started.add(parent);
        Path parentLog = dir.resolve("parent.log");
        Path childLog = dir.resolve("grandchild.log");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(childLog)
                        && Files.readString(childLog).contains("idle child ready")
                        && Files.readString(parentLog).contains("child pid "));
        long childPid = Long.parseLong(Files.readString(parentLog).replaceAll("(?s).*child pid (\\d+).*", "$1"));
        assertThat(ProcessHandle.of(childPid))
                .hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());

        parent.kill();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(childPid).map(h -> !h.isAlive()).orElse(true));
        assertThat(Files.readString(childLog)).contains("parent JVM is gone");
    }

    @Test
    void logTailReturnsTheLastLines() {
        ChildProcess child = launchIdleChild();

        assertThat(child.logTail(1)).isEqualTo("idle child ready");
    }

    @Test
    void argumentFileQuotesSpacesAndBackslashes() {
        assertThat(ChildProcess.quote("/tmp/a b/c.jar")).isEqualTo("\"/tmp/a b/c.jar\"");
        assertThat(ChildProcess.quote("C:\\x\"y")).isEqualTo("\"C:\\\\x\\\"y\"");
    }
}
