package dev.kafkasdk.jdbc;

import java.io.Serial;
import java.sql.SQLException;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link JdbcOffsetStore#save} refused to move a stored offset backwards: the table already holds a
 * higher next offset for the partition. It almost always means that another consumer, which owns
 * the partition now, has processed these records already and this transaction is stale (a
 * "zombie" after a rebalance or a long pause). Roll the transaction back: its rows are duplicates.
 *
 * <p>Its SQL state is {@code null}: this is the store's rule, not a database error. To move an
 * offset backwards on purpose (a replay), use {@link JdbcOffsetStore#reset}.
 *
 * @since 0.1
 */
public final class OffsetRegressionException extends SQLException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The consumer group. */
    private final String groupId;
    /** The partition's topic. */
    private final String topic;
    /** The partition number. */
    private final int partition;
    /** The next offset already stored. */
    private final long storedOffset;
    /** The lower next offset that was refused. */
    private final long rejectedOffset;

    /**
     * Creates the exception; the message names every argument.
     *
     * @param groupId the consumer group
     * @param partition the partition
     * @param table the offset table
     * @param storedOffset the next offset already stored
     * @param rejectedOffset the lower next offset that was not stored
     */
    public OffsetRegressionException(
            String groupId, TopicPartition partition, String table, long storedOffset, long rejectedOffset) {
        super("refusing to move the stored offset of group '" + groupId + "', topic '" + partition.topic()
                + "', partition " + partition.partition() + " backwards from " + storedOffset + " to " + rejectedOffset
                + " in table " + table + ": another consumer has probably processed these records already; roll back"
                + " this transaction (use reset(...) to move an offset backwards on purpose)");
        this.groupId = groupId;
        this.topic = partition.topic();
        this.partition = partition.partition();
        this.storedOffset = storedOffset;
        this.rejectedOffset = rejectedOffset;
    }

    /**
     * The consumer group.
     *
     * @return the group id
     */
    public String groupId() {
        return groupId;
    }

    /**
     * The partition whose offset was not stored.
     *
     * @return the topic and partition
     */
    public TopicPartition partition() {
        return new TopicPartition(topic, partition);
    }

    /**
     * The next offset already in the table.
     *
     * @return the stored next offset
     */
    public long storedOffset() {
        return storedOffset;
    }

    /**
     * The lower next offset the caller tried to store.
     *
     * @return the rejected next offset
     */
    public long rejectedOffset() {
        return rejectedOffset;
    }
}
