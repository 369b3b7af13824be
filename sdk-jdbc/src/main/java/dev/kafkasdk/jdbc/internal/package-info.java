/**
 * The SQL behind {@link dev.kafkasdk.jdbc.JdbcOffsetStore}. Not API: these types may change in any
 * release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.jdbc.internal;

import org.jspecify.annotations.NullMarked;
