package dev.kafkasdk.admin;

import java.util.Optional;

/**
 * A broker as a {@link HealthReport} sees it.
 *
 * @param id node id
 * @param host advertised host
 * @param port advertised port
 * @param rack rack, when configured
 * @param leaders partitions this broker leads
 * @param replicas partition replicas this broker hosts (leaders included)
 * @param serving false for a broker that partitions name as a replica but that is not in the cluster
 *     metadata (stopped, crashed or fenced)
 * @since 0.1
 */
public record BrokerStatus(
        int id, String host, int port, Optional<String> rack, int leaders, int replicas, boolean serving) {
    /**
     * One table row, for example
     * {@code broker 1     127.0.0.1:9092         rack -         leaders 12     replicas 36     serving}.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "broker %-5d %-22s rack %-9s leaders %-6d replicas %-6d %s",
                id, host + ":" + port, Rows.text(rack), leaders, replicas, serving ? "serving" : "NOT SERVING");
    }
}
