package dev.kafkasdk.core.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.AuthenticationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an authentication failure of a client counts as passing or as fatal
 * ({@code cluster.authentication-retry-timeout}).
 *
 * <p>kafka-clients reports an {@link AuthenticationException} when a connection fails to
 * authenticate, and connects again on the next request. Once the cluster has answered a client its
 * credentials were good, so a failure is most likely passing: an OAUTHBEARER token refreshed after
 * the old one ran out, or a re-authentication ({@code connections.max.reauth.ms}) that raced the
 * token's expiry. Failures count as passing until the cluster answers again; a run of them longer
 * than the timeout is fatal. A client the cluster never answered gets its first failure back as
 * fatal, so wrong credentials still fail at once.
 *
 * <p>How often the cluster has answered is the caller's count (records, responses, or the time of
 * the last answer): any number that grows with each answer and is zero before the first. Failures
 * are rare, so the methods synchronize.
 */
public final class AuthenticationRetry {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationRetry.class);
    private static final long FIRST_BACKOFF_NANOS = 50_000_000L;
    private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;

    private final String client;
    private final String clientId;
    private final Duration timeout;
    private final LongSupplier nanoClock;
    private boolean failing;
    private long firstFailureNanos;
    private long answersAtLastFailure;
    private int failures;
    private @Nullable AuthenticationException last;

    /**
     * @param kind {@code Consumer} or {@code Producer}, for the log and the failure
     * @param clientId the client id
     * @param timeout the longest run of failures that counts as passing; zero: none does
     * @param nanoClock {@link System#nanoTime()} or a test clock
     */
    public AuthenticationRetry(String kind, String clientId, Duration timeout, LongSupplier nanoClock) {
        this.client = kind + " " + clientId;
        this.clientId = clientId;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
    }

    /**
     * The authentication failure in {@code failure}'s cause chain, if any.
     *
     * @param failure what the client caught
     * @return the authentication failure, or null
     */
    public static @Nullable AuthenticationException find(@Nullable Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof AuthenticationException e) {
                return e;
            }
            t = t.getCause();
        }
        return null;
    }

    /**
     * Called for each authentication failure.
     *
     * @param failure the failure
     * @param answers how often the cluster has answered the client so far (zero: never)
     * @return null if the failure counts as passing; else the fatal failure: {@code failure} itself
     *     for a client the cluster never answered, or a fatal {@link KafkaSdkException} naming the
     *     run and the timeout
     */
    public synchronized @Nullable RuntimeException failed(AuthenticationException failure, long answers) {
        long now = nanoClock.getAsLong();
        if (answers == 0) {
            return failure;
        }
        if (failing && answers > answersAtLastFailure) {
            failing = false; // the cluster answered since the last failure: a new run
        }
        if (!failing) {
            failing = true;
            firstFailureNanos = now;
            failures = 0;
            if (!timeout.isZero()) {
                LOG.warn(
                        "{} failed to authenticate ({}) after the cluster had answered it; this counts as passing for"
                                + " up to cluster.authentication-retry-timeout ({}). A token refreshed late or a"
                                + " re-authentication that raced a token's expiry passes by itself.",
                        client,
                        failure.getMessage(),
                        Durations.format(timeout));
            }
        }
        failures++;
        last = failure;
        answersAtLastFailure = answers;
        if (now - firstFailureNanos >= timeout.toNanos()) {
            return exhausted(failure, now);
        }
        LOG.debug("{} failed to authenticate again ({})", client, failure.getMessage());
        return null;
    }

    /**
     * Ends a run of failures once the cluster has answered since the last one.
     *
     * @param answers how often the cluster has answered the client so far
     * @return whether a run ended
     */
    public synchronized boolean answered(long answers) {
        if (!failing || answers <= answersAtLastFailure) {
            return false;
        }
        failing = false;
        LOG.info(
                "{} is served again after {} authentication failure{} over {}",
                client,
                failures,
                failures == 1 ? "" : "s",
                Durations.format(elapsed(nanoClock.getAsLong())));
        last = null;
        return true;
    }

    /**
     * How long to wait before trying again after the latest failure of the run: 50 ms, doubling
     * up to 1 s (kafka-clients' {@code reconnect.backoff} defaults). A consumer's {@code poll}
     * rethrows a failure at once until its connection is tried again, so the poll loop waits this
     * long instead of spinning.
     *
     * @return the wait in nanoseconds; zero outside a run
     */
    public synchronized long backoffNanos() {
        if (!failing) {
            return 0;
        }
        int doublings = Math.min(failures - 1, 10);
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << doublings);
    }

    /**
     * The failure of the run in progress, for the client's health.
     *
     * @return the last authentication failure while a run lasts, else null
     */
    public synchronized @Nullable AuthenticationException failing() {
        return failing ? last : null;
    }

    private Duration elapsed(long now) {
        return Duration.ofMillis(Math.max(0, (now - firstFailureNanos) / 1_000_000));
    }

    private RuntimeException exhausted(AuthenticationException failure, long now) {
        String message = timeout.isZero()
                ? client + " failed to authenticate and cluster.authentication-retry-timeout is 0: "
                        + failure.getMessage()
                : client + " failed to authenticate " + Plurals.count(failures, "time") + " over "
                        + Durations.format(elapsed(now)) + " without an answer from the cluster in between, longer"
                        + " than cluster.authentication-retry-timeout (" + Durations.format(timeout) + "): "
                        + failure.getMessage() + ". Check that the credentials are still valid (a revoked user or"
                        + " client secret, an identity provider that no longer issues tokens)";
        return KafkaSdkException.builder(message)
                .clientId(clientId)
                .cause(failure)
                .fatal();
    }
}
