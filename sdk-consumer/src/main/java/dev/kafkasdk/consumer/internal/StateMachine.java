package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerState;
import java.util.concurrent.TimeUnit;
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

    /** Set while the start-up checks keep the consumer STARTING (a subscribed topic is missing). */
    private volatile boolean held;
    /** Whether the group (or assign()) gave this member an assignment since the hold was last released. */
    private volatile boolean assignmentReceived;

    private final Object changed = new Object();

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
        if (held && state.get() == ConsumerState.STARTING) {
            return;
        }
        move(ConsumerState.REBALANCING);
    }

    void assigned(boolean paused) {
        assignmentReceived = true;
        if (held && state.get() == ConsumerState.STARTING) {
            return;
        }
        move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
    }

    /** After a poll: leaves STARTING once the member is in its group (or assigned). */
    void polled(boolean joined, boolean paused) {
        ConsumerState current = state.get();
        if (current == ConsumerState.STARTING && joined) {
            assignmentReceived = true;
            if (!held) {
                move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
            }
        }
    }

    /** Keeps the consumer STARTING, whatever the group assigns, until {@link #release}. */
    void hold() {
        held = true;
    }

    /**
     * Ends a {@link #hold()}: the consumer leaves STARTING at once if it already has its assignment.
     *
     * @param newAssignment {@code true} to wait for the next assignment instead (the topics it waited
     *     for appeared, and the group has not assigned them yet)
     * @param paused whether the user paused the consumer
     */
    void release(boolean newAssignment, boolean paused) {
        if (newAssignment) {
            assignmentReceived = false;
        }
        held = false;
        if (assignmentReceived && state.get() == ConsumerState.STARTING) {
            move(paused ? ConsumerState.PAUSED : ConsumerState.RUNNING);
        }
    }

    /**
     * Waits until the consumer has left STARTING (ready, or terminal).
     *
     * @param timeoutNanos the longest wait
     * @return the state when the wait ended
     * @throws InterruptedException if interrupted
     */
    ConsumerState awaitPastStarting(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (changed) {
            while (true) {
                ConsumerState current = state.get();
                long left = deadline - System.nanoTime();
                if ((current != ConsumerState.STARTING && current != ConsumerState.NEW) || left <= 0) {
                    return current;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
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
        synchronized (changed) {
            changed.notifyAll();
        }
    }
}
