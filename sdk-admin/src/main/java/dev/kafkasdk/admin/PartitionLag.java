package dev.kafkasdk.admin;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lag of one partition of a consumer group.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param committedOffset the group's committed offset; empty when an assigned partition has none yet
 * @param logEndOffset the partition's log end offset
 * @param lag {@code logEndOffset - committedOffset}; empty without a committed offset
 * @param memberId the member the partition is assigned to, when any
 * @param clientId that member's client id, when any
 * @param host that member's host, when any
 * @since 0.1
 */
public record PartitionLag(
        String topic,
        int partition,
        OptionalLong committedOffset,
        long logEndOffset,
        OptionalLong lag,
        Optional<String> memberId,
        Optional<String> clientId,
        Optional<String> host) {
    /**
     * One table row, for example
     * {@code orders-2    committed 40        end 42        lag 2       client billing-1  host /10.0.0.7};
     * {@code -} marks an absent value.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "%-30s committed %-9s end %-9d lag %-9s client %s  host %s",
                topic + "-" + partition,
                Rows.text(committedOffset),
                logEndOffset,
                Rows.text(lag),
                Rows.text(clientId),
                Rows.text(host));
    }
}
