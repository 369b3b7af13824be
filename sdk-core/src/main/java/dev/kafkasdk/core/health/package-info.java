/**
 * Health of one SDK client for readiness and liveness probes: the immutable snapshot
 * {@link dev.kafkasdk.core.health.ClientHealth} that every client's {@code health()} returns, and
 * the {@link dev.kafkasdk.core.health.HealthEvent}s a {@link dev.kafkasdk.core.health.HealthListener}
 * registered on a client's builder observes.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.health;

import org.jspecify.annotations.NullMarked;
