package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The consumer's {@link ConsumerState} and failure cause. Written by the poll thread (and by
 * {@code start()}), read from any thread. Terminal states never change.
 */
final class StateMachine {

    private final AtomicReference<ConsumerState> state = new AtomicReference<>(ConsumerState.NEW);
    private volatile Throwable failure;
    private volatile ConsumerHealth health = ConsumerHealth.none("unknown");

    /** Sets who hears of state changes; before {@code start()}. */
    void health(ConsumerHealth health) {
        this.health = health;
    }

    ConsumerHealth health() {
        return health;
    }

    ConsumerState current() {
        return state.get();
    }

    Throwable failure() {
        return failure;
    }

    boolean starting() {
        return changed(ConsumerState.NEW, ConsumerState.STARTING);
    }

    /** Stops a consumer that was never started. */
    boolean stopIfNew() {
        return changed(ConsumerState.NEW, ConsumerState.STOPPED);
    }

    private boolean changed(ConsumerState from, ConsumerState to) {
        if (state.compareAndSet(from, to)) {
            health.moved(from, to, failure);
            return true;
        }
        return false;
    }

    void rebalancing() {
        move(ConsumerState.REBALANCING);
    }

    void assigned(boolean paused) {
        move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
    }

    /** After a poll: leaves STARTING once the member is in its group (or assigned). */
    void polled(boolean joined, boolean paused) {
        ConsumerState current = state.get();
        if (current == ConsumerState.STARTING && joined) {
            move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
        }
    }

    void paused(boolean paused) {
        ConsumerState current = state.get();
        if (current == ConsumerState.RUNNING || current == ConsumerState.PAUSED) {
            move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
        }
    }

    void stopped() {
        move(ConsumerState.STOPPED);
    }

    void failed(Throwable cause) {
        failure = cause;
        move(ConsumerState.FAILED);
    }

    private void move(ConsumerState next) {
        ConsumerState before = state.getAndUpdate(current -> current.isTerminal() ? current : next);
        if (!before.isTerminal() && before != next) {
            health.moved(before, next, failure);
        }
    }
}
