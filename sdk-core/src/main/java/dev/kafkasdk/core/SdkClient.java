package dev.kafkasdk.core;

import dev.kafkasdk.core.health.ClientHealth;
import java.time.Duration;

/**
 * What every SDK client ({@code SdkProducer}, {@code SdkConsumer}, {@code SdkAdmin}) has in
 * common: one convention for creation, names and closing.
 *
 * <p><b>Creation.</b> Each client type has a static {@code create(settings, ...)} for the common
 * case and a {@code builder(settings, ...)} for everything else; {@code create(...)} is exactly
 * {@code builder(...).build()}. Every builder takes metrics the same way,
 * {@code metrics(MeterRegistry, Iterable<Tag>)}; without it nothing is measured.
 *
 * <p><b>Lifecycle.</b> A producer and an admin are usable as soon as they are built
 * (kafka-clients connects lazily); they have no {@code start()}. A consumer runs user code on a
 * thread of its own, so it is built stopped and begins with {@code start()}; its
 * {@code stop()} asks it to stop and returns at once. On every client {@link #close(Duration)}
 * stops the client, waits up to the timeout for its own work to finish, releases everything
 * the client created, and returns whether that happened within the timeout. It is idempotent
 * (a later call does not close twice) and never closes what the caller passed in (meter
 * registries, executors, circuit breakers, serdes, an admin client given to
 * {@code SdkAdmin.wrap}); kafka-clients clients made by a builder's {@code clientFactory} are the
 * SDK's and are closed. {@link #close()} is {@code close(DEFAULT_CLOSE_TIMEOUT)}.
 *
 * <p><b>Names.</b> Each client gets a per-JVM sequence number {@code n} for its kind and settings
 * name. Its threads are named {@code kafka-sdk-<kind>-<name>-<n>-<role>} (for example
 * {@code kafka-sdk-consumer-orders-2-poll}), so two clients built from the same settings never
 * share a thread name. Its {@code client.id} is, in this order: the settings' explicit
 * {@code client-id}, used verbatim (broker quotas and logs key on it, so it is never altered);
 * {@code <client-id-prefix>-<name>-<n>} when the cluster sets a prefix; otherwise
 * {@code kafka-sdk-<kind>-<name>-<n>}. Only an explicit {@code client-id} can be shared by two
 * clients.
 *
 * <p><b>Health.</b> Every client answers {@link #health()} with an immutable
 * {@link ClientHealth} snapshot for readiness and liveness probes, and every builder takes
 * {@code healthListener(HealthListener)} for the client's
 * {@link dev.kafkasdk.core.health.HealthEvent}s.
 *
 * @since 0.1
 */
public interface SdkClient extends AutoCloseable {

    /**
     * The timeout of {@link #close()} for every client: how long closing waits for buffered
     * records, a handler's round in flight or an admin call before giving up.
     */
    Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The {@code client.id} of the underlying kafka-clients client, also used in exception
     * context, log lines and meter tags.
     *
     * @return the client id
     */
    String clientId();

    /**
     * A snapshot of the client's health: status, state, last successful interaction with the
     * cluster, cause of a failure and, for consumers, the assignment. Cheap and non-blocking: it
     * reads what the client already keeps and never calls the cluster, so a probe may call it on
     * every request, from any thread.
     *
     * @return the snapshot
     */
    ClientHealth health();

    /**
     * The client's KIP-714 client instance id, which the broker assigns so that broker-side client
     * metrics can be matched with this client's traces, logs and meters. The client asks for it in
     * the background when it starts, bounded by {@code cluster.client-instance-id-timeout}, and
     * {@link #health()} shows the answer. This call waits at most {@code timeout} for that answer;
     * once the client knows there is no id it fails at once. Any thread.
     *
     * @param timeout the longest wait, zero or more
     * @return the id
     * @throws dev.kafkasdk.core.compat.ClientTelemetryUnavailableException if the client has no id:
     *     the message names the cause (a broker without a client telemetry plugin, that is, no
     *     {@code metric.reporters} class implementing {@code ClientTelemetryExporterProvider}, or
     *     {@code enable.metrics.push=false}) and the fix; also when none arrived within {@code timeout}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws UnsupportedOperationException if this client does not support KIP-714 (test doubles)
     */
    default org.apache.kafka.common.Uuid clientInstanceId(Duration timeout) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no KIP-714 client instance id");
    }

    /**
     * Stops the client and releases what it created, waiting up to the timeout; see the type's
     * documentation. Idempotent.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} closes without waiting
     * @return {@code true} if everything finished within the timeout, {@code false} if work was
     *     abandoned or is still finishing on a daemon thread
     */
    boolean close(Duration timeout);

    /** Same as {@code close(DEFAULT_CLOSE_TIMEOUT)}, ignoring its result. */
    @Override
    default void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
