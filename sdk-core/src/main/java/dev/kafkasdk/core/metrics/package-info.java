/**
 * Metrics plumbing: {@link dev.kafkasdk.core.metrics.SdkMetrics}, a facade over an optional
 * Micrometer registry that the SDK never closes.
 */
package dev.kafkasdk.core.metrics;
