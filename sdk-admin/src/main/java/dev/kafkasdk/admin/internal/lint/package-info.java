/**
 * The built-in lint rules run by {@link dev.kafkasdk.admin.ConfigLinter}. Not API: these types may
 * change in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.admin.internal.lint;

import org.jspecify.annotations.NullMarked;
