/**
 * The admin operations behind {@link dev.kafkasdk.admin.SdkAdmin}. Not API: these types may change
 * in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.admin.internal;

import org.jspecify.annotations.NullMarked;
