package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer that writes orders to the database and stores its offsets in the same JDBC
 * transaction ({@code CommitMode.external(JdbcOffsetStore)}): the rows and the position commit or
 * roll back together, so after a crash the consumer resumes exactly after the last stored row. The
 * offsets are also mirrored to Kafka (asynchronously, synchronously on close) so that lag tools see
 * the group; the database stays the source of truth.
 */
public final class OrderLedger {

    /**
     * What the ledger did.
     *
     * @param consumed     records handled
     * @param transactions JDBC transactions committed (one per poll round)
     */
    public record Result(long consumed, int transactions) {}

    private OrderLedger() {}

    /**
     * Consumes until {@code expected} orders are stored, then closes the consumer (which commits the
     * mirrored offsets to Kafka).
     *
     * @param settings consumer settings with a group id
     * @param topic    the topic to read
     * @param database the database with the {@code orders} and {@code kafka_offsets} tables
     * @param expected how many orders to wait for
     * @return what was consumed
     * @throws Exception if the consumer fails or does not store {@code expected} orders within a minute
     */
    public static Result run(ConsumerSettings settings, String topic, OrderDatabase database, long expected)
            throws Exception {
        // tag::exactly-once[]
        JdbcOffsetStore offsets = JdbcOffsetStore.builder(
                        database::connect, settings.groupId().orElseThrow())
                .build(); // table kafka_offsets, dialect detected
        offsets.createSchemaIfMissing();
        // end::exactly-once[]
        Progress stored = new Progress("orders + offsets stored in one JDBC transaction", expected);
        AtomicInteger transactions = new AtomicInteger();
        try (SdkConsumer<String, Order> ledger = SdkConsumer.builder(
                        settings, Serdes.string(), Serdes.json(Order.class))
                .subscribe(topic)
                // tag::handler[]
                .commitMode(CommitMode.external(offsets).mirrored()) // offsets in H2, mirrored to Kafka for lag tools
                .batchHandler(batch -> {
                    try (Connection c = database.connect()) {
                        c.setAutoCommit(false);
                        try {
                            database.insert(c, batch.records()); // the work
                            offsets.save(c, batch.nextOffsets()); // the position, in the same transaction
                            c.commit(); // both...
                        } catch (SQLException | RuntimeException e) {
                            c.rollback(); // ...or neither; the SDK retries the batch
                            throw e;
                        }
                    }
                    transactions.incrementAndGet();
                    stored.add(batch.count());
                })
                // end::handler[]
                .build()) {
            ledger.start();
            stored.await(Duration.ofSeconds(60), ledger);
        }
        return new Result(stored.count(), transactions.get());
    }
}
