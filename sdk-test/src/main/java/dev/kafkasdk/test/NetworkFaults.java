package dev.kafkasdk.test;

import java.time.Duration;

/**
 * Network faults between clients and one node, applied by a loopback TCP proxy that the node's
 * proxied listener advertises (see {@link KafkaBroker#faultProxy()} and
 * {@link KafkaCluster#proxiedBootstrapServers()}). Clients that bootstrap from the proxied
 * addresses reach every node only through its proxy; the kit's own listener and inter-broker
 * traffic bypass the proxies, so the kit's helpers and replication keep working.
 *
 * <p>Faults stay in force until {@link #heal()}. Thread-safe; every method returns at once.
 */
public interface NetworkFaults {

    /** Which way the bytes travel. */
    enum Direction {
        /** Client to broker (requests). */
        TO_BROKER,
        /** Broker to client (responses). */
        TO_CLIENT,
        /** Both ways. */
        BOTH
    }

    /**
     * Delays every chunk of bytes in {@code direction} by {@code delay} plus a uniformly random
     * extra of up to {@code jitter}; order within a connection is kept.
     *
     * @param direction which way
     * @param delay     the fixed part, zero or more
     * @param jitter    the random part, zero or more
     */
    void latency(Direction direction, Duration delay, Duration jitter);

    /**
     * Limits the bytes per second in {@code direction}, shared by all connections through this
     * node's proxy (a slow link to the node): each chunk waits until the link has carried the ones
     * before it. Combines with {@link #latency}; {@link #heal()} lifts it.
     *
     * @param direction      which way
     * @param bytesPerSecond the link's capacity, at least 1,024
     * @throws IllegalArgumentException if {@code bytesPerSecond} is below 1,024
     */
    void bandwidth(Direction direction, long bytesPerSecond);

    /**
     * Silently drops every byte in {@code direction}, on open and new connections alike: the
     * connections stay open but nothing arrives (a black hole, or with one direction a half-open
     * link).
     *
     * @param direction which way
     */
    void blackhole(Direction direction);

    /**
     * Closes every new connection as soon as it is accepted (the node looks down).
     */
    void refuseConnections();

    /**
     * Resets every open connection (TCP RST); new connections work unless another fault says
     * otherwise.
     */
    void resetConnections();

    /**
     * Removes every fault. Connections that lost bytes to a black hole are reset (their byte
     * stream has a gap, as after a partition long enough to end a TCP connection); every other
     * connection keeps working.
     */
    void heal();

    /**
     * How many client connections the proxy has accepted so far.
     *
     * @return the count
     */
    long acceptedConnections();
}
