package dev.kafkasdk.admin;

import static org.awaitility.Awaitility.await;

import dev.kafkasdk.test.KafkaCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;

/** Real consumers and Kafka's own ConsumerGroupCommand for the group tests. */
final class GroupTestSupport {

    private GroupTestSupport() {}

    static KafkaConsumer<String, String> consumer(KafkaCluster kafka, String group, String protocol, int maxPoll) {
        Map<String, Object> props = kafka.consumerProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-client");
        return new KafkaConsumer<>(props);
    }

    /** Polls until at least {@code count} records arrived; returns them. */
    static List<ConsumerRecord<String, String>> pollAtLeast(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollInterval(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return records.size() >= count;
                });
        return records;
    }

    /** Polls until the consumer has joined its group and been assigned partitions. */
    static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollInterval(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200));
                    return !consumer.assignment().isEmpty();
                });
    }

    static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> raw = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        raw.forEach((tp, o) -> offsets.put(tp, o.offset()));
        return offsets;
    }

    /** One row of {@code kafka-consumer-groups.sh --describe}. */
    record ToolRow(
            String topic, int partition, String currentOffset, String logEndOffset, String lag, String consumerId) {}

    /**
     * Runs Kafka's {@code ConsumerGroupCommand --describe} in-process and parses its table. The tool
     * prints to {@code System.out}, so it is captured for the call.
     */
    static List<ToolRow> describeWithKafkaTool(String bootstrapServers, String group) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        synchronized (GroupTestSupport.class) {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                ConsumerGroupCommand.main(new String[] {
                    "--bootstrap-server", bootstrapServers, "--describe", "--group", group, "--timeout", "15000"
                });
            } finally {
                System.setOut(original);
            }
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        List<ToolRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (String line : output.split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 6 && cells[0].equals("GROUP") && cells[1].equals("TOPIC")) {
                headerSeen = true;
            } else if (headerSeen && cells.length >= 7 && cells[0].equals(group)) {
                rows.add(new ToolRow(cells[1], Integer.parseInt(cells[2]), cells[3], cells[4], cells[5], cells[6]));
            }
        }
        if (!headerSeen) {
            throw new AssertionError("ConsumerGroupCommand printed no table:\n" + output);
        }
        return rows;
    }
}
