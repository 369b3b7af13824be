/**
 * The producer's implementation behind {@link dev.kafkasdk.producer.SdkProducerBuilder}. Not API:
 * these types may change in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.producer.internal;

import org.jspecify.annotations.NullMarked;
