/**
 * The managed consumer: {@link dev.kafkasdk.consumer.SdkConsumer}, its handlers, commit modes,
 * failure policy, dead letters and liveness advice.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.consumer;

import org.jspecify.annotations.NullMarked;
