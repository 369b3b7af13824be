package dev.kafkasdk.examples;

import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.PartitionLag;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.core.config.AdminSettings;

/**
 * Reads a consumer group's committed-offset lag with the admin module and prints it per partition.
 */
public final class LagReport {

    private LagReport() {}

    /**
     * Reads and prints the lag.
     *
     * @param admin   the admin client's settings
     * @param groupId the group
     * @return the lag per partition and in total
     * @throws dev.kafkasdk.core.KafkaSdkException if the group does not exist or the cluster does not answer
     */
    public static GroupLag read(AdminSettings admin, String groupId) {
        try (SdkAdmin sdkAdmin = SdkAdmin.create(admin)) {
            GroupLag lag = sdkAdmin.groups().lag(groupId);
            Console.line("      group %s (%s)", lag.groupId(), lag.state());
            for (PartitionLag p : lag.partitions()) {
                Console.line(
                        "      %s-%d  committed %6s  log end %6d  lag %s",
                        p.topic(),
                        p.partition(),
                        p.committedOffset().isPresent()
                                ? Long.toString(p.committedOffset().getAsLong())
                                : "-",
                        p.logEndOffset(),
                        p.lag().isPresent() ? Long.toString(p.lag().getAsLong()) : "-");
            }
            Console.line("      total lag %d", lag.totalLag());
            return lag;
        }
    }

    /**
     * The sum of the committed offsets of every partition, 0 for partitions without one.
     *
     * @param lag a lag report
     * @return the sum
     */
    public static long committedTotal(GroupLag lag) {
        return lag.partitions().stream()
                .mapToLong(p -> p.committedOffset().orElse(0))
                .sum();
    }
}
