package dev.kafkasdk.test;

import java.time.Duration;

/**
 * One node (combined broker and controller) of a {@link KafkaCluster}, with fault-injection handles.
 *
 * <p>{@link #kill()}, {@link #stop()} and {@link #restart()} need the {@link Backend#CHILD_JVM}
 * backend, where every node is its own operating-system process; the other backends throw
 * {@link UnsupportedOperationException} naming the backend in use. {@link #id()},
 * {@link #bootstrapAddress()}, {@link #isAlive()} and {@link #awaitServing(Duration)} work on
 * every backend.
 *
 * <p>Threading: a node may be used from any thread, but fault operations on the same node should
 * not race each other (for example {@code kill()} on one thread while {@code restart()} runs on
 * another); the node is owned by its cluster and becomes unusable when the cluster is closed.
 *
 * @since 0.1
 */
public interface KafkaNode {

    /**
     * The node's {@code node.id}, as it appears in cluster metadata (partition leaders, ISR).
     *
     * @return the node id
     */
    int id();

    /**
     * The {@code host:port} of this node's client listener.
     *
     * @return the node's bootstrap address
     */
    String bootstrapAddress();

    /**
     * Whether the node's process (or in-process server) is running. A running node is not
     * necessarily serving yet; use {@link #awaitServing(Duration)} for that.
     *
     * @return {@code true} while the node runs
     */
    boolean isAlive();

    /**
     * Kills the node's JVM with {@code SIGKILL} (like {@code kill -9}): no shutdown hook runs, no
     * controlled shutdown, unflushed page-cache data stays with the operating system. Returns once
     * the process has exited.
     *
     * @throws UnsupportedOperationException unless the backend is {@link Backend#CHILD_JVM}
     * @throws IllegalStateException         if the node is not running
     */
    void kill();

    /**
     * Stops the node gracefully with {@code SIGTERM} (controlled shutdown) and waits for the process
     * to exit; if it has not exited within 60 seconds it is killed and an exception is thrown.
     *
     * @throws UnsupportedOperationException unless the backend is {@link Backend#CHILD_JVM}
     * @throws IllegalStateException         if the node is not running
     * @throws KafkaTestKitException         if the node did not stop in time
     */
    void stop();

    /**
     * Starts a stopped or killed node again, on the same ports and with the same data directory.
     * Returns once the process is launched; call {@link #awaitServing(Duration)} to wait until it
     * is back in the cluster.
     *
     * @throws UnsupportedOperationException unless the backend is {@link Backend#CHILD_JVM}
     * @throws IllegalStateException         if the node is still running
     */
    void restart();

    /**
     * Freezes the node's JVM with {@code SIGSTOP}: its sockets stay open but it answers nothing (like
     * a long GC pause or a hung host); the cluster fences it after {@code broker.session.timeout.ms}.
     * A paused node can still be killed; {@link #stop()} waits for {@link #resume()}.
     *
     * @throws UnsupportedOperationException unless the backend is {@link Backend#CHILD_JVM}
     * @throws IllegalStateException         if the node is not running
     */
    default void pause() {
        throw new UnsupportedOperationException("pause() needs the CHILD_JVM backend");
    }

    /**
     * Lets a {@linkplain #pause() paused} node run again with {@code SIGCONT}.
     *
     * @throws UnsupportedOperationException unless the backend is {@link Backend#CHILD_JVM}
     * @throws IllegalStateException         if the node is not running
     */
    default void resume() {
        throw new UnsupportedOperationException("resume() needs the CHILD_JVM backend");
    }

    /**
     * Blocks until the node is registered (and not fenced) in the cluster metadata and accepts
     * connections on its client listener.
     *
     * @param timeout how long to wait
     * @throws KafkaTestKitException if the node does not serve within the timeout or its process
     *                               exits while waiting (the message names the node's log file)
     */
    void awaitServing(Duration timeout);
}
