/**
 * Operations as a library: {@link dev.kafkasdk.admin.SdkAdmin} (topics as code, consumer groups,
 * cluster health), offline partition sizing and config lint.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.admin;

import org.jspecify.annotations.NullMarked;
