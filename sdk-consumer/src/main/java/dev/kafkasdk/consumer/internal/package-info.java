/**
 * The consumer's poll loop and its parts behind {@link dev.kafkasdk.consumer.SdkConsumerBuilder}.
 * Not API: these types may change in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.consumer.internal;

import org.jspecify.annotations.NullMarked;
