package dev.kafkasdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.health.ClientHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Readiness and liveness probes over HTTP for any SDK clients, with the JDK's
 * {@link HttpServer} on the loopback address only: {@code GET /health/ready} answers 200 when every
 * client {@link ClientHealth#isReady() is ready}, {@code GET /health/live} 200 when none
 * {@link ClientHealth#isLive() failed}, otherwise 503; the body is each client's snapshot as JSON.
 * A probe only reads {@code health()}, which never calls the cluster, so it answers at once even
 * when the cluster is gone.
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<SdkClient> clients;

    private HealthEndpoint(HttpServer server, List<SdkClient> clients) {
        this.server = server;
        this.clients = clients;
    }

    /**
     * Serves the probes of these clients on a free loopback port. The clients stay the caller's.
     *
     * @param clients the clients to report
     * @return the running endpoint; close it to stop serving
     * @throws IOException if the port cannot be bound
     */
    public static HealthEndpoint serve(List<? extends SdkClient> clients) throws IOException {
        // tag::probes[]
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HealthEndpoint endpoint = new HealthEndpoint(server, List.copyOf(clients));
        server.createContext("/health/ready", exchange -> endpoint.answer(exchange, ClientHealth::isReady));
        server.createContext("/health/live", exchange -> endpoint.answer(exchange, ClientHealth::isLive));
        // end::probes[]
        server.start();
        return endpoint;
    }

    /** @return the base URI, {@code http://127.0.0.1:<port>} */
    public URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, Predicate<ClientHealth> passes) throws IOException {
        List<ClientHealth> snapshots = clients.stream().map(SdkClient::health).toList();
        boolean ok = snapshots.stream().allMatch(passes);
        byte[] body = json(snapshots).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The snapshots as a JSON array; the cause is reported by class and message.
     *
     * @param snapshots the snapshots
     * @return the JSON text
     */
    static String json(List<ClientHealth> snapshots) {
        return snapshots.stream().map(HealthEndpoint::json).collect(Collectors.joining(",", "[", "]"));
    }

    private static String json(ClientHealth h) {
        return "{\"clientId\":" + quote(h.clientId())
                + ",\"status\":" + quote(h.status().name())
                + ",\"state\":" + quote(h.state())
                + ",\"lastContact\":"
                + h.lastContact().map(at -> quote(at.toString())).orElse("null")
                + ",\"cause\":"
                + h.cause()
                        .map(c -> quote(c.getClass().getSimpleName() + ": " + c.getMessage()))
                        .orElse("null")
                + ",\"assignment\":"
                + h.assignment().stream()
                        .map(tp -> quote(tp.toString()))
                        .sorted()
                        .collect(Collectors.joining(",", "[", "]"))
                + "}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
