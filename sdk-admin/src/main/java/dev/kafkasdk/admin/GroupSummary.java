package dev.kafkasdk.admin;

import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;

/**
 * A consumer group as {@link GroupOperations#list()} reports it.
 *
 * @param groupId the group id
 * @param type the group protocol: {@link GroupType#CLASSIC} (rebalance protocol run by the clients) or
 *     {@link GroupType#CONSUMER} (KIP-848, run by the broker)
 * @param state the group's state
 * @param protocolType the embedded protocol type, {@code consumer} for consumer groups; empty for
 *     groups that only commit offsets
 * @since 0.1
 */
public record GroupSummary(String groupId, GroupType type, GroupState state, String protocolType) {
    /**
     * One table row, for example {@code billing                  Consumer  Stable       consumer}.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format("%-24s %-9s %-12s %s", groupId, type, state, Rows.text(protocolType));
    }
}
