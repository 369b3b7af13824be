/**
 * The typed configuration model: {@link dev.kafkasdk.core.config.KafkaSdkConfig} (loaded from
 * YAML, JSON or properties, or built in code), the cluster, producer, consumer, admin and topic
 * settings, typed values ({@link dev.kafkasdk.core.config.ByteSize},
 * {@link dev.kafkasdk.core.config.Durations}, {@link dev.kafkasdk.core.config.Secret}), enums
 * and presets. Every settings type is immutable and is validated when built; each client
 * renders the exact kafka-clients properties with {@code toProperties()}.
 */
package dev.kafkasdk.core.config;
