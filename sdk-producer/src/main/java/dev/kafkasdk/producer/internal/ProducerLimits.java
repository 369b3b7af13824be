package dev.kafkasdk.producer.internal;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The effective values of the producer settings that the SDK's own checks and messages name,
 * parsed from the exact properties handed to kafka-clients (so presets, overrides and
 * kafka-clients defaults all count).
 *
 * @param maxRequestSize {@code max.request.size} in bytes
 * @param bufferMemory {@code buffer.memory} in bytes
 * @param maxBlockMs {@code max.block.ms}
 * @param deliveryTimeoutMs {@code delivery.timeout.ms}
 * @param transactionalId {@code transactional.id}, or null
 */
record ProducerLimits(
    int maxRequestSize,
    long bufferMemory,
    long maxBlockMs,
    int deliveryTimeoutMs,
    String transactionalId) {

  static ProducerLimits from(Map<String, Object> kafkaProperties) {
    Map<String, Object> parsed = ProducerConfig.configDef().parse(kafkaProperties);
    return new ProducerLimits(
        (Integer) parsed.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        (Long) parsed.get(ProducerConfig.BUFFER_MEMORY_CONFIG),
        (Long) parsed.get(ProducerConfig.MAX_BLOCK_MS_CONFIG),
        (Integer) parsed.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG),
        (String) parsed.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
  }
}
