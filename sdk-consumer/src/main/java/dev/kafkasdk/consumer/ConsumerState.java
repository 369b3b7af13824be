package dev.kafkasdk.consumer;

/**
 * The health of an {@link SdkConsumer}, readable from any thread through {@link SdkConsumer#state()}.
 *
 * <p>The usual path is {@code NEW -> STARTING -> RUNNING (<-> REBALANCING, PAUSED) -> STOPPED}; any
 * state before {@code STOPPED} can end in {@code FAILED}, whose cause {@link
 * SdkConsumer#failureCause()} returns. {@code STOPPED} and {@code FAILED} are terminal.
 *
 * @since 0.1
 */
public enum ConsumerState {
    /** Built, {@link SdkConsumer#start()} not called yet. */
    NEW,
    /** The poll thread is running but has not joined its group or received its assignment yet. */
    STARTING,
    /** Polling and processing records. */
    RUNNING,
    /** Paused by {@link SdkConsumer#pause()}: still polling (so it stays in the group) but fetching nothing. */
    PAUSED,
    /** Partitions were revoked or lost and the new assignment has not arrived yet. */
    REBALANCING,
    /** Stopped after {@link SdkConsumer#stop()}, {@link SdkConsumer#close(java.time.Duration)} or the end of a bounded replay. */
    STOPPED,
    /** Stopped because of an error; see {@link SdkConsumer#failureCause()}. */
    FAILED;

    /**
     * Whether this state is final.
     *
     * @return {@code true} for {@link #STOPPED} and {@link #FAILED}
     */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED;
    }
}
