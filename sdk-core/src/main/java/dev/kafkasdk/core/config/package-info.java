/**
 * The typed configuration model: {@link dev.kafkasdk.core.config.KafkaSdkConfig} (loaded from
 * YAML, JSON or properties, or built in code), the cluster, producer, consumer, admin and topic
 * settings, typed values ({@link dev.kafkasdk.core.config.ByteSize},
 * {@link dev.kafkasdk.core.config.Durations}, {@link dev.kafkasdk.core.config.Secret}), enums
 * and presets. Every setting is declared once, in the key table of its section
 * ({@link dev.kafkasdk.core.config.ClusterKeys}, {@link dev.kafkasdk.core.config.ProducerKeys},
 * {@link dev.kafkasdk.core.config.ConsumerKeys}, {@link dev.kafkasdk.core.config.AdminKeys},
 * {@link dev.kafkasdk.core.config.TopicKeys}); loading, environment overrides, checks,
 * rendering, {@code describe()} and {@code docs/config-reference.md} all come from those tables.
 * Every settings type has one shape: immutable, typed values by
 * {@link dev.kafkasdk.core.config.SettingKey}, a builder, validated when built; each client
 * renders the exact kafka-clients properties with {@code toProperties()} and gives the values
 * kafka-clients will use, typed, with {@code effective(key)}.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.config;

import org.jspecify.annotations.NullMarked;
