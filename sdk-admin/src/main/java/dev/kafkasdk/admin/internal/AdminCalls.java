package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminAuthorizationException;
import dev.kafkasdk.admin.AdminAuthorizationException.ResourceType;
import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.internal.AuthenticationHints;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Runs admin calls with a timeout per attempt and a Resilience4j {@link Retry} that retries Kafka
 * {@link RetriableException}s only, and turns failures into the SDK's exceptions. Thread-safe.
 */
public final class AdminCalls {

    /** Extra time the client side waits beyond the request timeout, so Kafka's own timeout wins. */
    private static final long GRACE_MS = 1_000;

    private final AdminOptions options;
    private final Retry retry;

    /**
     * @param name the retry's name, shown in its events
     * @param options timeout and retry settings
     */
    public AdminCalls(String name, AdminOptions options) {
        this.options = options;
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(options.maxAttempts())
                .waitDuration(options.retryBackoff())
                .retryOnException(AdminCalls::isRetriable)
                .build());
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
        CheckedSupplier<T> attempt = () -> await(call.apply(timeoutMs()));
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (Throwable failure) {
            throw translate(operation, target, failure);
        }
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
        CheckedSupplier<T> supplier = () -> attempt.run(timeoutMs());
        try {
            return Retry.decorateCheckedSupplier(retry, supplier).get();
        } catch (Throwable failure) {
            throw translate(operation, target, failure);
        }
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
            throw new TimeoutException("no answer within " + options.callTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    static boolean isRetriable(Throwable t) {
        return t instanceof RetriableException;
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
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof KafkaSdkException sdk) {
            return sdk;
        }
        if (cause instanceof AuthorizationException auth) {
            return authorization(operation, target, auth);
        }
        if (cause instanceof InterruptedException) {
            return new KafkaSdkException("interrupted while waiting to " + operation, cause);
        }
        String what = target.names().isEmpty() ? "" : " (" + target.type().name().toLowerCase(java.util.Locale.ROOT)
                + " " + String.join(", ", target.names()) + ")";
        return KafkaSdkException.builder("failed to " + operation + what + ": " + cause.getMessage()
                        + AuthenticationHints.hint(cause))
                .topic(target.type() == ResourceType.TOPIC && target.names().size() == 1 ? target.names().get(0) : null)
                .cause(cause)
                .build();
    }

    private static AdminAuthorizationException authorization(String operation, Target target,
                                                             AuthorizationException auth) {
        if (auth instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()) {
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
