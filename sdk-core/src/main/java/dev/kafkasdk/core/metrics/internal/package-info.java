/**
 * Implementations of {@link dev.kafkasdk.core.metrics.SdkMetrics}. Not API: these types may change
 * in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.metrics.internal;

import org.jspecify.annotations.NullMarked;
