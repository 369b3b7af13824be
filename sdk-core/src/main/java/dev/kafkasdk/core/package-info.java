/**
 * What every SDK module shares: {@link dev.kafkasdk.core.SdkClient}, the one convention for
 * creating, naming and closing producers, consumers and admins, and the exception family:
 * {@link dev.kafkasdk.core.KafkaSdkException} (the one unchecked
 * root), {@link dev.kafkasdk.core.RetriableKafkaSdkException},
 * {@link dev.kafkasdk.core.FatalKafkaSdkException} and
 * {@link dev.kafkasdk.core.ConfigException}. Packages named {@code internal} are not API.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core;

import org.jspecify.annotations.NullMarked;
