package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.config.ProducerSettings;

/**
 * The effective values of the producer settings that the SDK's own checks and messages name,
 * read typed from the settings' key table (so presets, raw properties and kafka-clients
 * defaults all count).
 *
 * @param maxRequestSize {@code max.request.size} in bytes
 * @param bufferMemory {@code buffer.memory} in bytes
 * @param maxBlockMs {@code max.block.ms}
 * @param deliveryTimeoutMs {@code delivery.timeout.ms}
 * @param transactionalId {@code transactional.id}, or null
 */
record ProducerLimits(
        int maxRequestSize, long bufferMemory, long maxBlockMs, int deliveryTimeoutMs, String transactionalId) {

    static ProducerLimits from(ProducerSettings settings) {
        return new ProducerLimits(
                Math.toIntExact(settings.effective(ProducerKeys.MAX_REQUEST_SIZE)
                        .orElseThrow()
                        .toBytes()),
                settings.effective(ProducerKeys.BUFFER_MEMORY).orElseThrow().toBytes(),
                settings.effective(ProducerKeys.MAX_BLOCK).orElseThrow().toMillis(),
                Math.toIntExact(settings.effective(ProducerKeys.DELIVERY_TIMEOUT)
                        .orElseThrow()
                        .toMillis()),
                settings.effective(ProducerKeys.TRANSACTIONAL_ID).orElse(null));
    }
}
