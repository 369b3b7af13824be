/**
 * The contract between a transactional producer and a consumer that commits offsets inside its
 * transactions ({@link dev.kafkasdk.core.transaction.TransactionalSink}).
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.transaction;

import org.jspecify.annotations.NullMarked;
