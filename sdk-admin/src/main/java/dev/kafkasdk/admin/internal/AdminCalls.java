package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminAuthorizationException;
import dev.kafkasdk.admin.AdminAuthorizationException.ResourceType;
import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.internal.AuthenticationHints;
import dev.kafkasdk.core.metrics.SdkMetrics;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Runs admin calls within one call timeout, retries included, with a Resilience4j {@link Retry} that
 * retries Kafka {@link RetriableException}s that can succeed on a retry (not a timeout: the admin client
 * already kept trying for the whole time), and turns failures into the SDK's exceptions; a timeout names
 * the bootstrap servers. Each call, its
 * retries included, is timed by {@value #CALL_TIMER} with the tags {@code operation} (such as
 * {@code describe-topics}), {@code outcome} ({@code success} or {@code failure}), {@code exception}
 * ({@code none} or the simple class name of the Kafka failure) and {@code client.id}. Thread-safe.
 */
public final class AdminCalls {

    /** The timer of every admin call, with the SDK's {@code kafka.sdk.} prefix. */
    public static final String CALL_TIMER = "kafka.sdk.admin.call";

    /** Extra time the client side waits beyond the request timeout, so Kafka's own timeout wins. */
    private static final long GRACE_MS = 1_000;

    private final AdminOptions options;
    private final Retry retry;
    private final SdkMetrics metrics;
    private final String clientId;
    private final String bootstrapServers;
    private volatile long lastContactMillis = Long.MIN_VALUE;
    private volatile KafkaSdkException unanswered;

    /**
     * Admin calls without metrics.
     *
     * @param name the retry's name, shown in its events
     * @param options timeout and retry settings
     */
    public AdminCalls(String name, AdminOptions options) {
        this(name, options, SdkMetrics.noop());
    }

    /**
     * @param clientId the admin client's id: the retry's name and the {@code client.id} tag
     * @param options timeout and retry settings
     * @param metrics where each call is timed; {@link SdkMetrics#noop()} reads no clock
     */
    public AdminCalls(String clientId, AdminOptions options, SdkMetrics metrics) {
        this(clientId, options, metrics, null);
    }

    /**
     * @param clientId the admin client's id: the retry's name and the {@code client.id} tag
     * @param options timeout and retry settings
     * @param metrics where each call is timed; {@link SdkMetrics#noop()} reads no clock
     * @param bootstrapServers the cluster's bootstrap servers for messages, or {@code null} when unknown
     */
    public AdminCalls(String clientId, AdminOptions options, SdkMetrics metrics, String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.metrics = metrics;
        this.options = options;
        this.retry = Retry.of(
                clientId,
                RetryConfig.custom()
                        .maxAttempts(options.maxAttempts())
                        .waitDuration(options.retryBackoff())
                        .retryOnException(AdminCalls::isRetriable)
                        .build());
    }

    /** @return when a call last got an answer from the cluster (success or a refusal), or empty */
    public Optional<Instant> lastContact() {
        long millis = lastContactMillis;
        return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /**
     * @return the failure of the latest call when the cluster did not answer it (unreachable, timed
     *     out, authentication failed); empty once a later call got an answer
     */
    public Optional<KafkaSdkException> unanswered() {
        return Optional.ofNullable(unanswered);
    }

    /** @return the retry, for event listeners and metrics */
    public Retry retry() {
        return retry;
    }

    /** @return the per-attempt timeout in milliseconds, for the request options of each call */
    public int timeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, options.callTimeout().toMillis());
    }

    /**
     * Runs a call, retrying retriable failures.
     *
     * @param operation what is being done, for messages: {@code describe topics}
     * @param target the resource, for authorization messages
     * @param call starts one attempt, given the timeout in milliseconds to put into the request options
     * @param <T> the result type
     * @return the result
     * @throws AdminAuthorizationException when the principal is not allowed
     * @throws KafkaSdkException for every other failure; retriable ones as its retriable subtype
     */
    public <T> T call(String operation, Target target, IntFunction<KafkaFuture<T>> call) {
        return timed(operation, target, deadline -> await(call.apply(remainingMs(deadline))));
    }

    /** One attempt given the call's deadline ({@link System#nanoTime()}). */
    private interface Bounded<T> {
        T run(long deadline) throws Throwable;
    }

    private <T> T timed(String operation, Target target, Bounded<T> attempt) {
        long start = System.nanoTime();
        long deadline = start + options.callTimeout().toNanos();
        Throwable[] last = new Throwable[1];
        CheckedSupplier<T> bounded = () -> {
            if (deadline - System.nanoTime() <= 0 && last[0] != null) {
                throw new Spent(last[0]);
            }
            try {
                return attempt.run(deadline);
            } catch (Throwable t) {
                last[0] = t;
                throw t;
            }
        };
        try {
            T result = Retry.decorateCheckedSupplier(retry, bounded).get();
            record(operation, start, null);
            return result;
        } catch (Throwable failure) {
            KafkaSdkException translated = translateCall(operation, target, failure);
            record(operation, start, translated);
            throw translated;
        }
    }

    /** The call timeout ran out between retries; carries the last attempt's failure. */
    private static final class Spent extends TimeoutException {
        private static final long serialVersionUID = 1L;

        Spent(Throwable last) {
            super(last.getMessage(), last);
        }
    }

    /** What is left of the call timeout for the next attempt; a Kafka timeout when nothing is. */
    private int remainingMs(long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new TimeoutException(
                    "the call timeout of " + options.callTimeout().toMillis() + " ms was spent");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private void record(String operation, long start, KafkaSdkException failure) {
        if (failure == null || !failure.isRetriable() && !(failure.getCause() instanceof AuthenticationException)) {
            // an answer, even a refusal such as "topic exists", is contact with the cluster
            lastContactMillis = System.currentTimeMillis();
            unanswered = null;
        } else {
            unanswered = failure;
        }
        if (!metrics.isEnabled()) {
            return;
        }
        Throwable cause = failure == null ? null : failure.getCause() == null ? failure : failure.getCause();
        metrics.timer(
                        CALL_TIMER,
                        "operation",
                        operation.trim().replace(' ', '-').toLowerCase(Locale.ROOT),
                        "outcome",
                        failure == null ? "success" : "failure",
                        "exception",
                        cause == null ? "none" : cause.getClass().getSimpleName(),
                        "client.id",
                        clientId)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * One attempt of a call that waits for its own futures (with {@link #await}) and may throw Kafka
     * exceptions.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * @param timeoutMs the per-attempt timeout to put into the request options
         * @return the result
         * @throws Exception a Kafka exception, retried when retriable
         */
        T run(int timeoutMs) throws Exception;
    }

    /**
     * Runs a call made of several futures, retrying retriable failures.
     *
     * @param operation what is being done, for messages
     * @param target the resource, for authorization messages
     * @param attempt one attempt
     * @param <T> the result type
     * @return the result
     */
    public <T> T run(String operation, Target target, Attempt<T> attempt) {
        return timed(operation, target, deadline -> attempt.run(remainingMs(deadline)));
    }

    /**
     * Waits for a future within the call timeout, unwrapping its Kafka exception; for use inside an
     * {@link Attempt}.
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     * @throws Exception the Kafka exception the future failed with, or a Kafka {@link TimeoutException}
     */
    public <T> T await(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(options.callTimeout().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException(
                    "no answer within " + options.callTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Retriable Kafka failures other than timeouts: a timed-out attempt had the whole remaining call
     * timeout, during which the admin client already retried, so another attempt cannot succeed in time.
     */
    static boolean isRetriable(Throwable t) {
        return t instanceof RetriableException && !(t instanceof TimeoutException);
    }

    /**
     * Turns a Kafka failure into the SDK's exception.
     *
     * @param operation what was being done
     * @param target the resource
     * @param failure the failure, possibly wrapped in an {@link ExecutionException}
     * @return the exception to throw
     */
    private KafkaSdkException translateCall(String operation, Target target, Throwable failure) {
        Throwable cause =
                failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Spent spent) {
            KafkaSdkException last = translate(operation, target, spent.getCause());
            return KafkaSdkException.builder(last.getMessage() + " (the call timeout of "
                            + options.callTimeout().toMillis() + " ms was spent on retries)")
                    .cause(spent.getCause())
                    .build();
        }
        TimeoutException timeout = timeoutIn(cause);
        if (timeout == null) {
            return translate(operation, target, failure);
        }
        String cluster =
                bootstrapServers == null ? "the cluster" : "the cluster (bootstrap servers " + bootstrapServers + ")";
        return KafkaSdkException.builder("failed to " + operation + ": no answer from " + cluster + " within the"
                        + " call timeout (" + options.callTimeout().toMillis() + " ms): it is unreachable or down, or"
                        + " slower than the timeout (Kafka: " + cause.getMessage()
                        + (timeout == cause ? "" : ": " + timeout.getMessage()) + ")")
                .cause(timeout)
                .build();
    }

    /** The Kafka timeout a failure is, or wraps (listGroups wraps it in "Failed to find brokers"). */
    private static TimeoutException timeoutIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException timeout) {
                return timeout;
            }
        }
        return null;
    }

    /**
     * Turns a Kafka failure into the SDK's exception.
     *
     * @param operation what was being done
     * @param target the resource
     * @param failure the failure, possibly wrapped in an {@link ExecutionException}
     * @return the exception to throw
     */
    public static KafkaSdkException translate(String operation, Target target, Throwable failure) {
        Throwable cause =
                failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof KafkaSdkException sdk) {
            return sdk;
        }
        if (cause instanceof AuthorizationException auth) {
            return authorization(operation, target, auth);
        }
        if (cause instanceof InterruptedException) {
            return new KafkaSdkException("interrupted while waiting to " + operation, cause);
        }
        String what = target.names().isEmpty()
                ? ""
                : " (" + target.type().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + String.join(", ", target.names()) + ")";
        if (cause instanceof UnsupportedVersionException) {
            return KafkaSdkException.builder("failed to " + operation + what
                            + ": the cluster's brokers do not have this admin call (Kafka: " + cause.getMessage()
                            + "). It needs a newer Kafka release on every broker; ClusterFeatures.detect(admin)"
                            + " tells which release the cluster runs, and docs/compatibility.md what each release"
                            + " supports")
                    .cause(cause)
                    .fatal();
        }
        return KafkaSdkException.builder(
                        "failed to " + operation + what + ": " + cause.getMessage() + AuthenticationHints.hint(cause))
                .topic(
                        target.type() == ResourceType.TOPIC && target.names().size() == 1
                                ? target.names().get(0)
                                : null)
                .cause(cause)
                .build();
    }

    private static AdminAuthorizationException authorization(
            String operation, Target target, AuthorizationException auth) {
        if (auth instanceof TopicAuthorizationException topics
                && !topics.unauthorizedTopics().isEmpty()) {
            List<String> names = new ArrayList<>(topics.unauthorizedTopics());
            names.sort(null);
            return new AdminAuthorizationException(operation, ResourceType.TOPIC, names, auth);
        }
        if (auth instanceof GroupAuthorizationException group && group.groupId() != null) {
            return new AdminAuthorizationException(operation, ResourceType.GROUP, List.of(group.groupId()), auth);
        }
        if (auth instanceof ClusterAuthorizationException) {
            return new AdminAuthorizationException(operation, ResourceType.CLUSTER, List.of(), auth);
        }
        if (auth instanceof TransactionalIdAuthorizationException) {
            return new AdminAuthorizationException(operation, ResourceType.TRANSACTIONAL_ID, List.of(), auth);
        }
        return new AdminAuthorizationException(operation, target.type(), target.names(), auth);
    }
}
