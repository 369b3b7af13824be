package dev.kafkasdk.consumer;

/**
 * The health of an {@link SdkConsumer}, readable from any thread through {@link SdkConsumer#state()}.
 *
 * <p>The usual path is {@code NEW -> STARTING -> RUNNING (<-> REBALANCING, PAUSED) -> STOPPED}; any
 * state before {@code STOPPED} can end in {@code FAILED}, whose cause {@link
 * SdkConsumer#failureCause()} returns. {@code STOPPED} and {@code FAILED} are terminal.
 *
 * <p>Leaving {@code STARTING} means ready ({@link SdkConsumer#awaitReady(java.time.Duration)} returns):
 * the cluster answered, the subscribed topics exist (unless the setting {@code missing-topics} is
 * {@code warn}) and the group assigned this member its partitions. The setting {@code start-timeout}
 * bounds {@code STARTING}: past it, a cluster that never answered, or a topic still missing with
 * {@code missing-topics: fail}, moves the consumer to {@code FAILED}; with {@code missing-topics: wait}
 * it stays {@code STARTING} until the topics exist. An authorization failure on a topic or the group,
 * at start or later, moves it to {@code FAILED} with a {@link ConsumerAuthorizationException}.
 *
 * @since 0.1
 */
public enum ConsumerState {
    /** Built, {@link SdkConsumer#start()} not called yet. */
    NEW,
    /**
     * The poll thread is running but the consumer is not ready: the cluster has not answered, a
     * subscribed topic does not exist yet, or the group has not given it its assignment.
     */
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
