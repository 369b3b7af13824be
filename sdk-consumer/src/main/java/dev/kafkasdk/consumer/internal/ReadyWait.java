package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerNotReadyException;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code awaitReady}: waits for the consumer to leave STARTING and explains a wait that failed. */
final class ReadyWait {

    private ReadyWait() {}

    static void await(StateMachine state, Duration timeout, ConsumerSpec<?, ?> spec, Supplier<String> waitingFor)
            throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (state.current() == ConsumerState.NEW) {
            throw new IllegalStateException("Consumer " + spec.clientId() + " was not started; call start() first");
        }
        ConsumerState reached = state.awaitPastStarting(timeout.toNanos());
        if (reached == ConsumerState.STARTING) {
            throw new ConsumerNotReadyException(
                    "Consumer " + spec.clientId() + " was not ready within " + Durations.format(timeout)
                            + ": it waited for "
                            + target(spec) + "; still waiting for " + waitingFor.get() + " (start-timeout "
                            + Durations.format(spec.readiness().startTimeout()) + ")",
                    reached,
                    spec.clientId(),
                    null);
        }
        if (reached.isTerminal()) {
            Throwable cause = state.failure();
            throw new ConsumerNotReadyException(
                    "Consumer " + spec.clientId() + " ended " + reached + " before it was ready (it waited for "
                            + target(spec) + ")" + (cause == null ? "" : ": " + cause.getMessage()),
                    reached,
                    spec.clientId(),
                    cause);
        }
    }

    private static String target(ConsumerSpec<?, ?> spec) {
        Subscription subscription = spec.subscription();
        String group = spec.groupId().orElse("<none>");
        if (subscription instanceof Subscription.Topics t) {
            return "group " + group + " to assign partitions of topics " + t.topics();
        }
        if (subscription instanceof Subscription.TopicPattern p) {
            return "group " + group + " to assign partitions of topics matching " + p.pattern();
        }
        return "its assigned partitions' topics to exist";
    }
}
