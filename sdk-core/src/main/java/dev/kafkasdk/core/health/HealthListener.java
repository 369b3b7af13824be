package dev.kafkasdk.core.health;

/**
 * Observes a client's {@link HealthEvent}s; registered on the client's builder
 * ({@code healthListener(...)}).
 *
 * <p><b>Threading.</b> Events are delivered one at a time, in order, on a thread of the client's
 * own ({@code kafka-sdk-<kind>-<name>-<n>-health}), never on the consumer's poll thread or
 * kafka-clients' I/O thread, so a slow listener delays only later events. The client holds at most
 * 1,024 undelivered events and drops (with a WARN) what does not fit. An exception thrown by a
 * listener is logged at WARN and never reaches the client.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HealthListener {

    /**
     * Called once per event.
     *
     * @param event what happened
     */
    void onHealthEvent(HealthEvent event);
}
