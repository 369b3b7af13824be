/**
 * Serdes shared by producer and consumer: {@link dev.kafkasdk.core.serde.Serdes} and the
 * Jackson-backed {@link dev.kafkasdk.core.serde.JsonSerde}.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.serde;

import org.jspecify.annotations.NullMarked;
