package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.observation.KafkaObservationKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The SLF4J MDC entries that name the record a handler is working on; set and cleared on its thread. */
final class LogContext {

    private LogContext() {}

    static void put(String topic, int partition, long offset, @Nullable String group) {
        MDC.put(KafkaObservationKeys.MDC_TOPIC, topic);
        MDC.put(KafkaObservationKeys.MDC_PARTITION, Integer.toString(partition));
        MDC.put(KafkaObservationKeys.MDC_OFFSET, Long.toString(offset));
        if (group != null) {
            MDC.put(KafkaObservationKeys.MDC_GROUP, group);
        }
    }

    static void putBatch(@Nullable String topic, @Nullable String group) {
        if (topic != null) {
            MDC.put(KafkaObservationKeys.MDC_TOPIC, topic);
        }
        if (group != null) {
            MDC.put(KafkaObservationKeys.MDC_GROUP, group);
        }
    }

    static void clear() {
        MDC.remove(KafkaObservationKeys.MDC_TOPIC);
        MDC.remove(KafkaObservationKeys.MDC_PARTITION);
        MDC.remove(KafkaObservationKeys.MDC_OFFSET);
        MDC.remove(KafkaObservationKeys.MDC_GROUP);
    }
}
