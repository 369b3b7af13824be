package dev.kafkasdk.consumer;

/**
 * Counts of what an {@link SdkShareConsumer} did with the records it was delivered, since it was
 * built. A snapshot: each call of {@link SdkShareConsumer#stats()} returns a new one.
 *
 * @param delivered records handed to the handler (or found undecodable), redeliveries included
 * @param accepted records acknowledged with ACCEPT after their handler returned
 * @param released failed records acknowledged with RELEASE, to be delivered again
 * @param rejected records acknowledged with REJECT after their last allowed attempt
 * @param deadLettered records published to the SDK's dead-letter topic, then accepted
 * @param redelivered deliveries with a delivery count above 1
 * @param renewed acquisition lock renewals (RENEW) of records whose work outlasted half the lock
 * @since 0.2
 */
public record ShareStats(
        long delivered,
        long accepted,
        long released,
        long rejected,
        long deadLettered,
        long redelivered,
        long renewed) {

    /**
     * Counts without renewals.
     *
     * @param delivered records handed to the handler
     * @param accepted records accepted
     * @param released records released
     * @param rejected records rejected
     * @param deadLettered records dead-lettered
     * @param redelivered redeliveries
     */
    public ShareStats(
            long delivered, long accepted, long released, long rejected, long deadLettered, long redelivered) {
        this(delivered, accepted, released, rejected, deadLettered, redelivered, 0);
    }
}
