/**
 * Metrics plumbing: {@link dev.kafkasdk.core.metrics.SdkMetrics}, a facade over an optional
 * Micrometer registry that the SDK never closes.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.metrics;

import org.jspecify.annotations.NullMarked;
