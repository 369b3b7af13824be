package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.core.internal.HealthEvents;
import org.apache.kafka.clients.producer.Producer;

/**
 * The assembled pieces of one producer, handed to its constructor.
 *
 * @param clientId the client id
 * @param kafka the kafka-clients producer, owned
 * @param encoder serializes and measures records
 * @param context what every send shares
 * @param clientMetrics unbinds kafka-clients' metrics from the registry, or null
 * @param pending holds records for topics without metadata, or null when sends may block
 * @param health the producer's health bookkeeping and listeners
 * @param observations starts send observations, or null for none
 * @param instanceId what the producer knows of its KIP-714 client instance id
 * @param <K> the key type
 * @param <V> the value type
 */
record ProducerParts<K, V>(
        String clientId,
        Producer<byte[], byte[]> kafka,
        RecordEncoder<K, V> encoder,
        SendContext context,
        AutoCloseable clientMetrics,
        PendingTopics pending,
        HealthEvents health,
        SendObservations observations,
        ClientInstanceIdLookup instanceId) {}
