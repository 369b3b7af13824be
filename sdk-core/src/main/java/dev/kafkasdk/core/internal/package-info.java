/**
 * Shared implementation details of the SDK modules (error classification, client names). Not API:
 * these types may change in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.internal;

import org.jspecify.annotations.NullMarked;
