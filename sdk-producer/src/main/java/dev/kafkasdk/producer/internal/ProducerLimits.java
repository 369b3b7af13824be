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
 * @param blockingSend whether {@code send()} may block up to {@code max.block.ms}
 * @param pendingRecords records per topic that may wait for metadata
 * @param pendingBytes bytes per topic that may wait for metadata
 * @param missingTopicTimeoutMs how long a reachable cluster may omit a topic
 * @param bootstrapServers the bootstrap servers, for messages
 */
record ProducerLimits(
        int maxRequestSize,
        long bufferMemory,
        long maxBlockMs,
        int deliveryTimeoutMs,
        String transactionalId,
        boolean blockingSend,
        int pendingRecords,
        long pendingBytes,
        long missingTopicTimeoutMs,
        String bootstrapServers) {

    /** The same limits with {@code blocking-send} on, for producers that always block. */
    ProducerLimits blocking() {
        return new ProducerLimits(
                maxRequestSize,
                bufferMemory,
                maxBlockMs,
                deliveryTimeoutMs,
                transactionalId,
                true,
                pendingRecords,
                pendingBytes,
                missingTopicTimeoutMs,
                bootstrapServers);
    }

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
                settings.effective(ProducerKeys.TRANSACTIONAL_ID).orElse(null),
                settings.get(ProducerKeys.BLOCKING_SEND).orElse(false),
                settings.get(ProducerKeys.PENDING_RECORDS).orElseThrow(),
                settings.get(ProducerKeys.PENDING_BYTES).orElseThrow().toBytes(),
                settings.get(ProducerKeys.MISSING_TOPIC_TIMEOUT).orElseThrow().toMillis(),
                String.join(",", settings.cluster().bootstrapServers()));
    }
}
