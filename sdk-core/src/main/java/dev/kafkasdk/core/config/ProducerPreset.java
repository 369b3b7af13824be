package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Named producer trade-offs between latency, throughput and durability. A preset supplies
 * the values of the settings it lists; any setting given explicitly (file, environment,
 * code) replaces the preset's value. Settings a preset leaves out keep kafka-clients'
 * defaults. {@link #BALANCED} is the default.
 */
public enum ProducerPreset {
    /**
     * A 1 ms linger, small batches, no compression, leader-only acks: the lowest tail latency
     * at steady rates; a record is lost if the leader fails before followers copy it. The
     * linger is 1 ms rather than 0 because sending every record at once filled the five
     * in-flight requests and made records queue behind them: in the fixed-rate benchmark
     * (100 B, 5 paired rounds) the end-to-end p99 was 10.0 ms at 1,000 records/s and 16.5 ms
     * at 10,000 with {@code linger.ms=0}, against 5.8 and 6.7 ms with 1 ms, and 8.3-8.4 and
     * 7.9-8.0 ms for {@link #BALANCED} and {@link #DURABLE}. A synchronous one-at-a-time send
     * pays the 1 ms; set {@code linger: 0ms} for that. The lead is surest for small records: with
     * 1 KiB values at 10,000 records/s its p99 was 3.8, 13.0, 23.9 and 5.1 ms in four runs (the
     * last the median of three 60 s rounds), against 6.0-10.8 ms for {@link #DURABLE} and {@link
     * #BALANCED}, so measure larger records before choosing it. One request in flight, a 0 or 2 ms
     * linger and lz4 were measured as candidates and were not better.
     */
    LOW_LATENCY(
            Duration.ofMillis(1),
            ByteSize.ofKibibytes(16),
            Compression.NONE,
            ByteSize.ofMebibytes(32),
            Acks.LEADER,
            false,
            5,
            null,
            null),
    /**
     * Short linger, 64 KiB lz4 batches, acks from every in-sync replica and idempotence:
     * good throughput at a few milliseconds of latency, no loss or duplicates. The default.
     */
    BALANCED(
            Duration.ofMillis(5),
            ByteSize.ofKibibytes(64),
            Compression.LZ4,
            ByteSize.ofMebibytes(32),
            Acks.ALL,
            true,
            5,
            null,
            null),
    /**
     * 50 ms linger, 512 KiB lz4 batches and a 128 MiB buffer: the most records per request
     * at tens of milliseconds of latency, still durable and idempotent. In the fixed-rate
     * benchmark's search for the highest sustained rate (100 B records, one broker, 2 cores, two
     * runs in opposite orders) it sustained 1.2 and 1.3 million records/s, against 0.60 and 0.65
     * million for kafka-clients' defaults, 0.7 and 1.1 million for {@link #BALANCED}, and 0.95-1.2
     * million with a 10 ms linger or 256 KiB batches instead.
     */
    HIGH_THROUGHPUT(
            Duration.ofMillis(50),
            ByteSize.ofKibibytes(512),
            Compression.LZ4,
            ByteSize.ofMebibytes(128),
            Acks.ALL,
            true,
            5,
            null,
            null),
    /**
     * Durability first: acks from every in-sync replica, idempotence, one request in flight
     * (strict ordering), unlimited retries within a 300 s delivery timeout. Lower throughput.
     */
    DURABLE(
            Duration.ofMillis(5),
            ByteSize.ofKibibytes(32),
            Compression.LZ4,
            ByteSize.ofMebibytes(32),
            Acks.ALL,
            true,
            1,
            Duration.ofSeconds(300),
            Integer.MAX_VALUE),
    /**
     * No acknowledgement and no retries: the highest throughput and lowest producer cost;
     * records are lost silently on any broker or network failure. For metrics-like data only.
     */
    FIRE_AND_FORGET(
            Duration.ofMillis(10),
            ByteSize.ofKibibytes(128),
            Compression.LZ4,
            ByteSize.ofMebibytes(64),
            Acks.NONE,
            false,
            null,
            null,
            0);

    private final Duration linger;
    private final ByteSize batchSize;
    private final Compression compression;
    private final ByteSize bufferMemory;
    private final Acks acks;
    private final boolean idempotence;
    private final Integer maxInFlight;
    private final Duration deliveryTimeout;
    private final Integer retries;

    ProducerPreset(
            Duration linger,
            ByteSize batchSize,
            Compression compression,
            ByteSize bufferMemory,
            Acks acks,
            boolean idempotence,
            Integer maxInFlight,
            Duration deliveryTimeout,
            Integer retries) {
        this.linger = linger;
        this.batchSize = batchSize;
        this.compression = compression;
        this.bufferMemory = bufferMemory;
        this.acks = acks;
        this.idempotence = idempotence;
        this.maxInFlight = maxInFlight;
        this.deliveryTimeout = deliveryTimeout;
        this.retries = retries;
    }

    /**
     * {@code linger.ms}: how long a batch waits for more records.
     *
     * @return the linger
     */
    public Duration linger() {
        return linger;
    }

    /**
     * {@code batch.size}: the largest batch per partition.
     *
     * @return the batch size
     */
    public ByteSize batchSize() {
        return batchSize;
    }

    /**
     * {@code compression.type}.
     *
     * @return the codec
     */
    public Compression compression() {
        return compression;
    }

    /**
     * {@code buffer.memory}: bytes held while waiting to be sent.
     *
     * @return the buffer size
     */
    public ByteSize bufferMemory() {
        return bufferMemory;
    }

    /**
     * {@code acks}.
     *
     * @return the acknowledgement level
     */
    public Acks acks() {
        return acks;
    }

    /**
     * {@code enable.idempotence}.
     *
     * @return whether the producer is idempotent
     */
    public boolean idempotence() {
        return idempotence;
    }

    /**
     * {@code max.in.flight.requests.per.connection}, when the preset sets it.
     *
     * @return the limit, or empty to keep kafka-clients' default (5)
     */
    public OptionalInt maxInFlight() {
        return maxInFlight == null ? OptionalInt.empty() : OptionalInt.of(maxInFlight);
    }

    /**
     * {@code delivery.timeout.ms}, when the preset sets it.
     *
     * @return the timeout, or empty to keep kafka-clients' default (120 s)
     */
    public Optional<Duration> deliveryTimeout() {
        return Optional.ofNullable(deliveryTimeout);
    }

    /**
     * {@code retries}, when the preset sets it.
     *
     * @return the retry count, or empty to keep kafka-clients' default
     */
    public OptionalInt retries() {
        return retries == null ? OptionalInt.empty() : OptionalInt.of(retries);
    }

    /**
     * Parses a preset name leniently ({@code high-throughput}, {@code HIGH_THROUGHPUT}).
     *
     * @param text the name
     * @return the preset
     * @throws IllegalArgumentException naming the text and listing the presets
     */
    public static ProducerPreset parse(String text) {
        return EnumSupport.parse(ProducerPreset.class, text, "producer preset", e -> List.of(e.name()));
    }
}
