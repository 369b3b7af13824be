package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;

/**
 * The client-side partition assignor of a consumer using the classic group protocol
 * ({@code partition.assignment.strategy}). Not used with {@link GroupProtocol#CONSUMER},
 * where the broker assigns partitions.
 */
public enum AssignmentStrategy {
    /** Incremental rebalancing that keeps assignments stable; the SDK's default. */
    COOPERATIVE_STICKY("cooperative-sticky", CooperativeStickyAssignor.class.getName()),
    /** Contiguous ranges of partitions per topic; eager (stop-the-world) rebalancing. */
    RANGE("range", RangeAssignor.class.getName()),
    /** Partitions dealt out one by one; eager rebalancing. */
    ROUND_ROBIN("roundrobin", RoundRobinAssignor.class.getName()),
    /** Stable assignments with eager rebalancing. */
    STICKY("sticky", StickyAssignor.class.getName());

    private final String shortName;
    private final String kafkaValue;

    AssignmentStrategy(String shortName, String kafkaValue) {
        this.shortName = shortName;
        this.kafkaValue = kafkaValue;
    }

    /**
     * The name used in configuration files.
     *
     * @return e.g. {@code cooperative-sticky}
     */
    public String shortName() {
        return shortName;
    }

    /**
     * The assignor class name kafka-clients expects.
     *
     * @return e.g. {@code org.apache.kafka.clients.consumer.CooperativeStickyAssignor}
     */
    public String kafkaValue() {
        return kafkaValue;
    }

    /**
     * Parses a strategy: {@code cooperative-sticky}, {@code range}, {@code roundrobin},
     * {@code sticky} (leniently, as the other enums) or a full assignor class name.
     *
     * @param text the text
     * @return the constant
     * @throws IllegalArgumentException naming the text and listing the valid values
     */
    public static AssignmentStrategy parse(String text) {
        return EnumSupport.parse(
                AssignmentStrategy.class, text, "assignment strategy", e -> List.of(e.shortName, e.kafkaValue));
    }
}
