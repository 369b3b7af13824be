package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.time.Duration;
import java.util.List;

/**
 * Named consumer fetch trade-offs between latency and throughput. A preset supplies
 * {@code fetch.min.bytes}, {@code fetch.max.wait.ms}, {@code fetch.max.bytes},
 * {@code max.partition.fetch.bytes} and {@code max.poll.records}; an explicit setting replaces
 * the preset's value. {@link #BALANCED} is the default.
 */
public enum FetchPreset {
    /** Answer fetches as soon as any byte is ready, waiting at most 10 ms; small polls. */
    LOW_LATENCY(ByteSize.ofBytes(1), Duration.ofMillis(10), ByteSize.ofMebibytes(50), ByteSize.ofMebibytes(1), 100),
    /** kafka-clients' own fetch defaults: up to 500 ms wait, 500 records per poll. The default. */
    BALANCED(ByteSize.ofBytes(1), Duration.ofMillis(500), ByteSize.ofMebibytes(50), ByteSize.ofMebibytes(1), 500),
    /** Let the broker gather 256 KiB before answering; large fetches and polls; more latency. */
    HIGH_THROUGHPUT(
            ByteSize.ofKibibytes(256), Duration.ofMillis(500), ByteSize.ofMebibytes(64), ByteSize.ofMebibytes(8), 2000);

    private final ByteSize fetchMinBytes;
    private final Duration fetchMaxWait;
    private final ByteSize fetchMaxBytes;
    private final ByteSize maxPartitionFetchBytes;
    private final int maxPollRecords;

    FetchPreset(
            ByteSize fetchMinBytes,
            Duration fetchMaxWait,
            ByteSize fetchMaxBytes,
            ByteSize maxPartitionFetchBytes,
            int maxPollRecords) {
        this.fetchMinBytes = fetchMinBytes;
        this.fetchMaxWait = fetchMaxWait;
        this.fetchMaxBytes = fetchMaxBytes;
        this.maxPartitionFetchBytes = maxPartitionFetchBytes;
        this.maxPollRecords = maxPollRecords;
    }

    /**
     * {@code fetch.min.bytes}: how much data the broker waits for before answering.
     *
     * @return the size
     */
    public ByteSize fetchMinBytes() {
        return fetchMinBytes;
    }

    /**
     * {@code fetch.max.wait.ms}: the longest the broker waits for {@code fetch.min.bytes}.
     *
     * @return the wait
     */
    public Duration fetchMaxWait() {
        return fetchMaxWait;
    }

    /**
     * {@code fetch.max.bytes}: the most data one fetch returns.
     *
     * @return the size
     */
    public ByteSize fetchMaxBytes() {
        return fetchMaxBytes;
    }

    /**
     * {@code max.partition.fetch.bytes}: the most data per partition in one fetch.
     *
     * @return the size
     */
    public ByteSize maxPartitionFetchBytes() {
        return maxPartitionFetchBytes;
    }

    /**
     * {@code max.poll.records}: the most records one {@code poll()} returns.
     *
     * @return the count
     */
    public int maxPollRecords() {
        return maxPollRecords;
    }

    /**
     * Parses a preset name leniently ({@code low-latency}, {@code LOW_LATENCY}).
     *
     * @param text the name
     * @return the preset
     * @throws IllegalArgumentException naming the text and listing the presets
     */
    public static FetchPreset parse(String text) {
        return EnumSupport.parse(FetchPreset.class, text, "fetch preset", e -> List.of(e.name()));
    }
}
