/**
 * Implementation of the test kit: backends, broker configuration, child processes. Not API: these
 * types may change in any release; use {@link dev.kafkasdk.test} instead.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.test.internal;

import org.jspecify.annotations.NullMarked;
