package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.Acks;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.AssignmentStrategy;
import dev.kafkasdk.core.config.CleanupPolicy;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Compression;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.FetchPreset;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.IsolationLevel;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.TopicCompression;
import dev.kafkasdk.core.config.TopicSpec;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds the client and topic sections of a document to settings builders and builds them,
 * recording problems instead of throwing. Not part of the API.
 */
final class SettingsBinder {

    private SettingsBinder() {
    }

    static Optional<ProducerSettings> producer(String name, Fields f, ClusterSettings cluster, Problems problems) {
        ProducerSettings.Builder b = ProducerSettings.builder().name(name).cluster(cluster);
        f.value("preset", ProducerPreset::parse, (o, v) -> b.origin(o).preset(v));
        f.duration("linger", (o, v) -> b.origin(o).linger(v));
        f.size("batch-size", (o, v) -> b.origin(o).batchSize(v));
        f.value("compression", Compression::parse, (o, v) -> b.origin(o).compression(v));
        f.value("acks", Acks::parse, (o, v) -> b.origin(o).acks(v));
        f.bool("idempotence", (o, v) -> b.origin(o).idempotence(v));
        f.size("buffer-memory", (o, v) -> b.origin(o).bufferMemory(v));
        f.duration("max-block", (o, v) -> b.origin(o).maxBlock(v));
        f.duration("request-timeout", (o, v) -> b.origin(o).requestTimeout(v));
        f.duration("delivery-timeout", (o, v) -> b.origin(o).deliveryTimeout(v));
        f.size("max-request-size", (o, v) -> b.origin(o).maxRequestSize(v));
        f.integer("max-in-flight", (o, v) -> b.origin(o).maxInFlight(v));
        f.integer("retries", (o, v) -> b.origin(o).retries(v));
        f.text("transactional-id", (o, v) -> b.origin(o).transactionalId(v));
        f.text("client-id", (o, v) -> b.origin(o).clientId(v));
        f.raw("properties", (o, k, v) -> b.origin(o).property(k, v));
        return build(b::build, problems);
    }

    static Optional<ConsumerSettings> consumer(String name, Fields f, ClusterSettings cluster, Problems problems) {
        ConsumerSettings.Builder b = ConsumerSettings.builder().name(name).cluster(cluster);
        f.text("group-id", (o, v) -> b.origin(o).groupId(v));
        f.value("preset", FetchPreset::parse, (o, v) -> b.origin(o).preset(v));
        f.value("group-protocol", GroupProtocol::parse, (o, v) -> b.origin(o).groupProtocol(v));
        f.value("auto-offset-reset", OffsetReset::parse, (o, v) -> b.origin(o).autoOffsetReset(v));
        f.value("isolation-level", IsolationLevel::parse, (o, v) -> b.origin(o).isolationLevel(v));
        f.bool("enable-auto-commit", (o, v) -> b.origin(o).enableAutoCommit(v));
        f.duration("auto-commit-interval", (o, v) -> b.origin(o).autoCommitInterval(v));
        f.duration("session-timeout", (o, v) -> b.origin(o).sessionTimeout(v));
        f.duration("heartbeat-interval", (o, v) -> b.origin(o).heartbeatInterval(v));
        f.duration("max-poll-interval", (o, v) -> b.origin(o).maxPollInterval(v));
        f.integer("max-poll-records", (o, v) -> b.origin(o).maxPollRecords(v));
        f.size("fetch-min-bytes", (o, v) -> b.origin(o).fetchMinBytes(v));
        f.duration("fetch-max-wait", (o, v) -> b.origin(o).fetchMaxWait(v));
        f.size("fetch-max-bytes", (o, v) -> b.origin(o).fetchMaxBytes(v));
        f.size("max-partition-fetch-bytes", (o, v) -> b.origin(o).maxPartitionFetchBytes(v));
        f.duration("request-timeout", (o, v) -> b.origin(o).requestTimeout(v));
        f.text("group-instance-id", (o, v) -> b.origin(o).groupInstanceId(v));
        f.value("assignment-strategy", AssignmentStrategy::parse, (o, v) -> b.origin(o).assignmentStrategy(v));
        f.text("client-id", (o, v) -> b.origin(o).clientId(v));
        f.raw("properties", (o, k, v) -> b.origin(o).property(k, v));
        f.value("ordering", Ordering::parse, (o, v) -> b.origin(o).ordering(v));
        f.integer("concurrency", (o, v) -> b.origin(o).concurrency(v));
        f.integer("max-in-flight-per-partition", (o, v) -> b.origin(o).maxInFlightPerPartition(v));
        f.integer("instances", (o, v) -> b.origin(o).instances(v));
        return build(b::build, problems);
    }

    static Optional<AdminSettings> admin(String name, Fields f, ClusterSettings cluster, Problems problems) {
        AdminSettings.Builder b = AdminSettings.builder().name(name).cluster(cluster);
        f.duration("request-timeout", (o, v) -> b.origin(o).requestTimeout(v));
        f.duration("default-api-timeout", (o, v) -> b.origin(o).defaultApiTimeout(v));
        f.text("client-id", (o, v) -> b.origin(o).clientId(v));
        f.raw("properties", (o, k, v) -> b.origin(o).property(k, v));
        return build(b::build, problems);
    }

    static Optional<TopicSpec> topic(String name, Fields f, Problems problems) {
        TopicSpec.Builder b = TopicSpec.builder(name);
        f.integer("partitions", (o, v) -> b.origin(o).partitions(v));
        f.integer("replication-factor", (o, v) -> b.origin(o).replicationFactor(v));
        f.integer("min-insync-replicas", (o, v) -> b.origin(o).minInsyncReplicas(v));
        f.duration("retention", (o, v) -> b.origin(o).retention(v));
        f.size("retention-bytes", (o, v) -> b.origin(o).retentionBytes(v));
        f.value("cleanup-policy", CleanupPolicy::parse, (o, v) -> b.origin(o).cleanupPolicy(v));
        f.value("compression-type", TopicCompression::parse, (o, v) -> b.origin(o).compressionType(v));
        f.size("max-message-bytes", (o, v) -> b.origin(o).maxMessageBytes(v));
        f.bool("unclean-leader-election", (o, v) -> b.origin(o).uncleanLeaderElection(v));
        f.raw("configs", (o, k, v) -> b.origin(o).config(k, v));
        return build(b::build, problems);
    }

    static <T> Optional<T> build(Supplier<T> builder, Problems problems) {
        try {
            return Optional.of(builder.get());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
