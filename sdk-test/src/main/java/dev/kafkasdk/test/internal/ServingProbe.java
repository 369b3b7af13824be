package dev.kafkasdk.test.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Checks whether a node serves: listed in the metadata and accepting connections. Thread-safe. */
final class ServingProbe {

    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private ServingProbe() {}

    /**
     * {@code true} if the node's listener accepts connections and the metadata lists the node as a
     * live broker. The port is probed first: the admin client logs a warning for every refused
     * connection.
     */
    static boolean isServing(TopicAdmin admin, int id, String host, int port) {
        return accepts(host, port) && admin.liveBrokers().stream().anyMatch(node -> node.id() == id);
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
