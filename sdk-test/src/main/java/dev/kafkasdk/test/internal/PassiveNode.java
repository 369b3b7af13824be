package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaNode;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A node of a backend without fault injection (in-process, Testcontainers, external): it can be
 * observed and awaited, but {@code kill}, {@code stop} and {@code restart} throw. Thread-safe.
 */
final class PassiveNode implements KafkaNode {

    private final int id;
    private final String host;
    private final int port;
    private final Backend backend;
    private final TopicAdmin admin;
    private final BooleanSupplier alive;

    PassiveNode(int id, String host, int port, Backend backend, TopicAdmin admin, BooleanSupplier alive) {
        this.id = id;
        this.host = host;
        this.port = port;
        this.backend = backend;
        this.admin = admin;
        this.alive = alive;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String bootstrapAddress() {
        return host + ":" + port;
    }

    @Override
    public boolean isAlive() {
        return alive.getAsBoolean();
    }

    @Override
    public void kill() {
        throw unsupported("kill()");
    }

    @Override
    public void stop() {
        throw unsupported("stop()");
    }

    @Override
    public void restart() {
        throw unsupported("restart()");
    }

    @Override
    public void pause() {
        throw unsupported("pause()");
    }

    @Override
    public void resume() {
        throw unsupported("resume()");
    }

    @Override
    public void awaitServing(Duration timeout) {
        Poller.await(
                "node " + id + " (" + bootstrapAddress() + ") to serve",
                timeout,
                () -> ServingProbe.isServing(admin, id, host, port));
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + " needs the CHILD_JVM backend, where each node is its own"
                + " process; this cluster runs on the " + backend
                + " backend. Use @KafkaBroker(backend = Backend.CHILD_JVM)"
                + " or EmbeddedKafkaOptions.builder().backend(Backend.CHILD_JVM)");
    }

    @Override
    public String toString() {
        return "node " + id + " (" + bootstrapAddress() + ", " + backend + ")";
    }
}
