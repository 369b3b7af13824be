/**
 * The SDK's exception family: {@link dev.kafkasdk.core.KafkaSdkException} (the one unchecked
 * root), {@link dev.kafkasdk.core.RetriableKafkaSdkException},
 * {@link dev.kafkasdk.core.FatalKafkaSdkException} and
 * {@link dev.kafkasdk.core.ConfigException}. Packages named {@code internal} are not API.
 */
package dev.kafkasdk.core;
