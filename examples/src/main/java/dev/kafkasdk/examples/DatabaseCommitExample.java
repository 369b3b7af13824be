package dev.kafkasdk.examples;

import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkConsumerBuilder;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Commit to Kafka only after the database has the rows: the handler writes each batch (or each
 * record) to H2 and commits the JDBC transaction; when it returns, the SDK calls
 * {@code commitSync} for exactly the offsets written. A crash between the two re-delivers at most
 * that batch, and the idempotent {@code MERGE} turns the re-delivery into a no-op.
 *
 * <pre>
 *   examples/run DatabaseCommitExample [--records 2000] [--bootstrap-servers host:port]
 * </pre>
 */
public final class DatabaseCommitExample {

    /** When the SDK commits to Kafka. */
    public enum Granularity {
        /** {@code CommitMode.syncPerBatch()}: one JDBC transaction and one {@code commitSync} per poll. */
        PER_BATCH,
        /** {@code CommitMode.syncPerRecord()}: one JDBC transaction and one {@code commitSync} per record. */
        PER_RECORD
    }

    /**
     * What ended up where.
     *
     * @param granularity    the commit granularity used
     * @param sent           orders produced
     * @param rows           rows in the {@code orders} table
     * @param transactions   JDBC transactions committed
     * @param committed      sum over partitions of the group's committed offsets in Kafka
     * @param lag            the group's total lag after the run
     */
    public record Result(Granularity granularity, int sent, long rows, long transactions, long committed, long lag) {
        /** @return one readable line */
        public String format() {
            return String.format(
                    Locale.ROOT,
                    "%s: sent %d, rows in H2 %d (%d JDBC transactions), committed " + "offsets %d, lag %d",
                    granularity,
                    sent,
                    rows,
                    transactions,
                    committed,
                    lag);
        }
    }

    private DatabaseCommitExample() {}

    /**
     * Runs the example with commits per batch against the cluster of the command line.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            OrderDatabase database = OrderDatabase.inMemory(kafka.name("examples-orders"));
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.db-orders"),
                    kafka.name("order-writer"),
                    database,
                    kafka.args().intOption("records", 2000),
                    Granularity.PER_BATCH);
            Console.line("%s", result.format());
            database.shutdown();
        }
    }

    /**
     * Produces orders, consumes them into the database and reports rows, commits and lag.
     *
     * @param cluster     the cluster
     * @param topic       the topic to create and use
     * @param groupId     the consumer group
     * @param database    the database; the caller owns it (it is not shut down)
     * @param records     how many orders
     * @param granularity when to commit
     * @return the result
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(
            ClusterSettings cluster,
            String topic,
            String groupId,
            OrderDatabase database,
            int records,
            Granularity granularity)
            throws Exception {
        database.createTables();
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 3));
        ProducerSettings producer = ProducerSettings.builder()
                .name("orders")
                .cluster(cluster)
                .preset(ProducerPreset.BALANCED)
                .build();
        AsyncProducerExample.send(producer, topic, records, 0);

        ConsumerSettings settings = ConsumerSettings.builder()
                .name("order-writer")
                .cluster(cluster)
                .groupId(groupId)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .maxPollRecords(250)
                .build();
        Progress stored = new Progress("rows written, then offsets committed", records);
        AtomicLong transactions = new AtomicLong();
        // tag::commit-after-write[]
        SdkConsumerBuilder<String, Order> builder = SdkConsumer.builder(
                        settings, Serdes.string(), Serdes.json(Order.class))
                .subscribe(topic);
        if (granularity == Granularity.PER_BATCH) {
            builder.commitMode(CommitMode.syncPerBatch()).batchHandler(batch -> {
                write(database, batch.records());
                transactions.incrementAndGet();
                stored.add(batch.count());
            });
        } else {
            builder.commitMode(CommitMode.syncPerRecord()).recordHandler(record -> {
                write(database, List.of(record));
                transactions.incrementAndGet();
                stored.add(1);
            });
        }
        // end::commit-after-write[]
        try (SdkConsumer<String, Order> consumer = builder.build()) {
            consumer.start();
            stored.await(Duration.ofSeconds(60), consumer);
        }
        GroupLag lag = LagReport.read(AdminSettings.defaults(cluster), groupId);
        long committed = LagReport.committedTotal(lag);
        return new Result(
                granularity,
                records,
                database.queryLong("SELECT COUNT(*) FROM orders"),
                transactions.get(),
                committed,
                lag.totalLag());
    }

    /** One JDBC transaction; the SDK commits to Kafka only after this returns. */
    private static void write(OrderDatabase database, Iterable<ConsumerRecord<String, Order>> records)
            throws Exception {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            database.upsert(c, records);
            c.commit();
        }
    }
}
