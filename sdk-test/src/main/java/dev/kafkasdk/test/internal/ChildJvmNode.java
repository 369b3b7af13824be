package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.KafkaTestKitException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a {@link ChildJvmCluster}: a {@link ChildBrokerMain} JVM with its own directory
 * holding {@code server.properties}, the data, the JVM argument file and {@code broker.log}. Fault
 * operations are synchronized per node.
 */
final class ChildJvmNode implements KafkaNode {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvmNode.class);
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xmx384m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;

    private final BrokerConfig.NodeAddress address;
    private final Path dir;
    private final String clusterId;
    private final List<String> classpath;
    private final TopicAdmin admin;
    private final List<String> extraJvmOptions;
    private volatile ChildProcess process;

    ChildJvmNode(
            BrokerConfig.NodeAddress address,
            Path dir,
            String clusterId,
            List<String> classpath,
            TopicAdmin admin,
            List<String> extraJvmOptions) {
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.address = address;
        this.dir = dir;
        this.clusterId = clusterId;
        this.classpath = classpath;
        this.admin = admin;
    }

    static Path propertiesFile(Path nodeDir) {
        return nodeDir.resolve("server.properties");
    }

    Path logFile() {
        return dir.resolve("broker.log");
    }

    synchronized void launch() {
        List<String> arguments = new ArrayList<>(JVM_OPTIONS);
        arguments.addAll(extraJvmOptions);
        arguments.add("-Dkafka.sdk.test.node.id=" + address.id());
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, classpath));
        arguments.add(ChildBrokerMain.class.getName());
        arguments.add(clusterId);
        arguments.add(propertiesFile(dir).toString());
        process = ChildProcess.launch(arguments, dir.resolve("jvm.args"), logFile());
        LOG.debug("Started node {} as process {} (log {})", address.id(), process.pid(), logFile());
    }

    @Override
    public int id() {
        return address.id();
    }

    @Override
    public String bootstrapAddress() {
        return address.bootstrapAddress();
    }

    int port() {
        return address.brokerPort();
    }

    @Override
    public boolean isAlive() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    @Override
    public synchronized void kill() {
        ChildProcess current = requireRunning("kill");
        current.kill();
        LOG.info("Killed node {} (process {}) with SIGKILL", address.id(), current.pid());
    }

    @Override
    public synchronized void stop() {
        ChildProcess current = requireRunning("stop");
        if (!current.terminate(STOP_TIMEOUT)) {
            throw new KafkaTestKitException("Node " + address.id() + " did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s of SIGTERM and was killed; see " + logFile());
        }
        LOG.info(
                "Stopped node {} (process {}), exit status {}",
                address.id(),
                current.pid(),
                current.exitCode().orElse(-1));
    }

    @Override
    public synchronized void pause() {
        ChildProcess current = requireRunning("pause");
        current.signal("STOP");
        LOG.info("Paused node {} (process {}) with SIGSTOP", address.id(), current.pid());
    }

    @Override
    public synchronized void resume() {
        ChildProcess current = requireRunning("resume");
        current.signal("CONT");
        LOG.info("Resumed node {} (process {}) with SIGCONT", address.id(), current.pid());
    }

    @Override
    public synchronized void restart() {
        if (isAlive()) {
            throw new IllegalStateException(
                    "Node " + address.id() + " is still running; kill() or stop() it before restart()");
        }
        launch();
    }

    @Override
    public void awaitServing(Duration timeout) {
        Poller.await("node " + address.id() + " (" + bootstrapAddress() + ") to serve", timeout, () -> {
            checkRunning();
            return ServingProbe.isServing(admin, address.id(), "127.0.0.1", address.brokerPort());
        });
    }

    /** Gives up a wait if the node's process has exited; the message carries the end of its log. */
    void checkRunning() {
        ChildProcess current = process;
        if (current != null && !current.isAlive()) {
            throw new Poller.GiveUp("Node " + address.id() + " (process " + current.pid() + ") exited with status "
                    + current.exitCode().orElse(-1) + "; log " + logFile() + " ends with:" + System.lineSeparator()
                    + current.logTail(LOG_TAIL_LINES));
        }
    }

    /** Sends SIGKILL without waiting, for closing the whole cluster at once. */
    void killAsync() {
        ChildProcess current = process;
        if (current != null) {
            current.killAsync();
        }
    }

    boolean awaitExit(Duration timeout) {
        ChildProcess current = process;
        return current == null || current.awaitExit(timeout);
    }

    private ChildProcess requireRunning(String operation) {
        ChildProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException("Cannot " + operation + " node " + address.id() + ": it is not running");
        }
        return current;
    }

    @Override
    public String toString() {
        return "node " + address.id() + " (" + bootstrapAddress() + ", CHILD_JVM, log " + logFile() + ")";
    }
}
