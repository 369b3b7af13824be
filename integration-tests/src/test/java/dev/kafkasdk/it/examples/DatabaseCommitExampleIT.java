package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.DatabaseCommitExample;
import dev.kafkasdk.examples.DatabaseCommitExample.Granularity;
import dev.kafkasdk.examples.OrderDatabase;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@KafkaBroker
class DatabaseCommitExampleIT {

    private static final int RECORDS = 400;

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void everyOrderIsARowAndTheCommittedOffsetsFollowTheRows(Granularity granularity, KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("db-orders");
        String group = topic + "-writer";
        OrderDatabase database = OrderDatabase.inMemory(topic);

        DatabaseCommitExample.Result result =
                DatabaseCommitExample.run(ClusterReads.clusterOf(kafka), topic, group, database, RECORDS, granularity);

        assertThat(database.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(RECORDS);
        assertThat(database.queryLong("SELECT COUNT(DISTINCT id) FROM orders")).isEqualTo(RECORDS);
        Map<TopicPartition, Long> nextAfterRows = new HashMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT kafka_partition, MAX(kafka_offset) + 1 FROM orders GROUP BY kafka_partition")) {
            while (rs.next()) {
                nextAfterRows.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2));
            }
        }
        assertThat(ClusterReads.committedOffsets(kafka, group))
                .isEqualTo(nextAfterRows)
                .isEqualTo(ClusterReads.endOffsets(kafka, topic));
        assertThat(result.rows()).isEqualTo(RECORDS);
        assertThat(result.committed()).isEqualTo(RECORDS);
        assertThat(result.lag()).isZero();
        if (granularity == Granularity.PER_RECORD) {
            assertThat(result.transactions()).isEqualTo(RECORDS);
        } else {
            assertThat(result.transactions()).isBetween(1L, (long) RECORDS - 1);
        }
        database.shutdown();
    }
}
