/**
 * The typed, asynchronous producer: {@link dev.kafkasdk.producer.SdkProducer}, its builder,
 * transactions and send results.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.producer;

import org.jspecify.annotations.NullMarked;
