package dev.kafkasdk.core.internal;

import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.metrics.SdkMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client knows of its KIP-714 client instance id, and how it learns it. Not API.
 *
 * <p>kafka-clients gives no quick sign that a broker lacks a client telemetry plugin: such a broker
 * does not advertise the telemetry APIs and the client's {@code clientInstanceId(timeout)} waits the
 * whole timeout, then returns {@code null}. So the SDK asks once, bounded by
 * {@code client-instance-id-timeout}, in the background (producers and admins: {@link
 * #lookUpInBackground}; consumers: {@link #poll} on the poll thread with a zero wait, since
 * a consumer is single-threaded), keeps the answer for {@link #snapshot()} (health) and
 * answers {@link #await(Duration)} from it: once the lookup has concluded that there is no id,
 * every call fails at once with a message that names the feature, what the broker needs and the
 * fix. Thread-safe.
 */
public final class ClientInstanceIdLookup {

    /** The meter registered once the id is known, when {@code client-instance-id-tag} asks for it. */
    public static final String METER = "kafka.sdk.client.instance";

    private static final String METER_NAME = "client.instance";

    private static final Logger LOG = LoggerFactory.getLogger(ClientInstanceIdLookup.class);

    /** kafka-clients' {@code clientInstanceId(Duration)} of one client. */
    @FunctionalInterface
    public interface Fetch {
        /**
         * @param timeout the longest wait
         * @return the id, or {@code null} if the broker gave none within the timeout
         */
        @Nullable
        Uuid fetch(Duration timeout);
    }

    private final String clientId;
    private final Duration timeout;
    private final long deadlineNanos;
    private final @Nullable SdkMetrics metrics;
    private final CompletableFuture<Uuid> result = new CompletableFuture<>();
    private volatile ClientInstanceId snapshot = ClientInstanceId.pending();

    private ClientInstanceIdLookup(String clientId, Duration timeout, @Nullable SdkMetrics metrics, long startNanos) {
        this.clientId = clientId;
        this.timeout = timeout;
        this.deadlineNanos = startNanos + timeout.toNanos();
        this.metrics = metrics;
    }

    /**
     * The lookup of one client, its clock started now.
     *
     * @param clientId the client's {@code client.id}
     * @param cluster the cluster settings: {@code client-instance-id-timeout} and {@code
     *     client-instance-id-tag}
     * @param metrics the client's metrics, with its common tags; {@link SdkMetrics#noop()} for none
     * @return the lookup
     */
    public static ClientInstanceIdLookup create(String clientId, ClusterSettings cluster, SdkMetrics metrics) {
        return new ClientInstanceIdLookup(
                Objects.requireNonNull(clientId, "clientId"),
                cluster.clientInstanceIdTimeout(),
                cluster.clientInstanceIdTag() && metrics.isEnabled() ? metrics : null,
                System.nanoTime());
    }

    /**
     * Asks once, on a daemon thread of its own, waiting up to the timeout; for thread-safe clients
     * (producer, admin) whose I/O thread talks to the broker by itself.
     *
     * @param fetch the client's {@code clientInstanceId}
     * @param threadName the thread's name
     */
    public void lookUpInBackground(Fetch fetch, String threadName) {
        Thread thread = new Thread(
                () -> {
                    long left = Math.max(0, deadlineNanos - System.nanoTime());
                    attempt(fetch, Duration.ofNanos(left), true);
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks without waiting, while the lookup is pending; for single-threaded clients (consumers)
     * on the thread that owns them. After the timeout the lookup concludes that there is no id.
     *
     * @param fetch the client's {@code clientInstanceId}
     */
    public void poll(Fetch fetch) {
        if (!result.isDone()) {
            attempt(fetch, Duration.ZERO, System.nanoTime() - deadlineNanos >= 0);
        }
    }

    /**
     * Whether the lookup has concluded, one way or the other.
     *
     * @return {@code true} once the id is known or known to be unavailable
     */
    public boolean isDone() {
        return result.isDone();
    }

    /**
     * What the client knows now, for its health snapshot; never blocks.
     *
     * @return the id, pending, or unavailable with the reason
     */
    public ClientInstanceId snapshot() {
        return snapshot;
    }

    /**
     * The id, waiting at most {@code wait} for the lookup to conclude; fails at once when it has
     * already concluded that there is none.
     *
     * @param wait the longest wait, zero or more
     * @return the id
     * @throws ClientTelemetryUnavailableException if there is no id, or none arrived within {@code wait}
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public Uuid await(Duration wait) {
        if (Objects.requireNonNull(wait, "wait").isNegative()) {
            throw new IllegalArgumentException("clientInstanceId timeout is " + wait + "; it must be zero or more");
        }
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientTelemetryUnavailableException(
                    "Interrupted while waiting for the client instance id of " + clientId);
        } catch (ExecutionException e) {
            throw (ClientTelemetryUnavailableException) e.getCause();
        } catch (TimeoutException e) {
            throw new ClientTelemetryUnavailableException(noIdWithin(wait));
        }
    }

    private void attempt(Fetch fetch, Duration wait, boolean last) {
        try {
            Uuid id = fetch.fetch(wait);
            if (id != null) {
                available(id);
            } else if (last) {
                unavailable(noIdWithin(timeout));
            }
        } catch (IllegalStateException e) {
            // kafka-clients: "Telemetry is not enabled. Set config `enable.metrics.push` to `true`."
            unavailable("KIP-714 client metrics are off in client " + clientId + ": " + e.getMessage()
                    + " (kafka-clients' default for producers and consumers; admin clients default to false)."
                    + " Fix: set properties enable.metrics.push: true for this client, and run a client telemetry"
                    + " plugin on the brokers (a metric.reporters class implementing ClientTelemetryExporterProvider,"
                    + " Kafka 4.2 and newer, or ClientTelemetry, Kafka 3.7 and newer).");
        } catch (RuntimeException e) {
            if (last) {
                unavailable("KIP-714 client metrics: the client instance id lookup of " + clientId + " failed: " + e);
            }
        }
    }

    private String noIdWithin(Duration within) {
        return "KIP-714 client metrics: the cluster gave client " + clientId + " no client instance id within "
                + within.toMillis() + " ms. A broker assigns one only when it runs a client telemetry plugin: a class"
                + " in the broker setting metric.reporters that implements"
                + " org.apache.kafka.server.telemetry.ClientTelemetryExporterProvider (Kafka 4.2 and newer) or"
                + " ClientTelemetry (Kafka 3.7 and newer, deprecated in 4.2), and the client has"
                + " enable.metrics.push=true. Fix: add such a reporter"
                + " to every broker, or raise cluster.client-instance-id-timeout if the cluster is slow to answer;"
                + " without one, do not ask for the id (cluster.client-instance-id-tag: false).";
    }

    private void available(Uuid id) {
        if (result.isDone()) {
            return; // one lookup thread, or the one poll thread: no race to guard beyond this
        }
        if (metrics != null) {
            // an info meter (count 1) to join with broker-side client metrics
            metrics.counter(METER_NAME, "client.id", clientId, "client.instance.id", id.toString())
                    .increment();
        }
        snapshot = ClientInstanceId.available(id.toString());
        result.complete(id);
        LOG.info("Client {} has KIP-714 client instance id {}", clientId, id);
    }

    private void unavailable(String reason) {
        snapshot = ClientInstanceId.unavailable(reason);
        if (result.completeExceptionally(new ClientTelemetryUnavailableException(reason))) {
            if (metrics != null) {
                LOG.warn("No meter {}: {}", METER, reason); // the tag was asked for
            } else {
                LOG.debug("Client {} has no client instance id: {}", clientId, reason);
            }
        }
    }
}
