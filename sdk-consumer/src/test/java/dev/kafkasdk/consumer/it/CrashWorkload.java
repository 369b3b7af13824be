package dev.kafkasdk.consumer.it;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer used on both sides of a crash: in a child JVM that is killed with SIGKILL in the
 * middle of a batch, and in the test JVM after the restart.
 */
final class CrashWorkload {

    static final int MAX_POLL_RECORDS = 10;
    static final Duration AUTO_COMMIT_INTERVAL = Duration.ofSeconds(1);

    private CrashWorkload() {}

    /**
     * Builds the consumer.
     *
     * @param crashAfter after this many processed records the handler hangs forever (the parent then
     *     kills the JVM); 0 for never
     */
    static SdkConsumer<String, String> build(
            String bootstrap,
            String topic,
            String group,
            GroupProtocol protocol,
            Workflow workflow,
            WorkLog log,
            List<WorkLog> storeLogs,
            TestTransactionalSink sink,
            int crashAfter) {
        int[] processed = {0};
        CommitMode mode = switch (workflow) {
            case AUTO -> CommitMode.auto(AUTO_COMMIT_INTERVAL);
            case SYNC_PER_BATCH -> CommitMode.syncPerBatch();
            case SYNC_PER_RECORD -> CommitMode.syncPerRecord();
            case ASYNC -> CommitMode.async();
            case EXTERNAL -> CommitMode.external(store(storeLogs));
            case TRANSACTIONAL -> CommitMode.transactional(sink);
        };
        return SdkConsumer.builder(
                        ItSupport.settings(bootstrap, group, protocol)
                                .maxPollRecords(MAX_POLL_RECORDS)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .commitMode(mode)
                .recordHandler(record -> {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (workflow == Workflow.TRANSACTIONAL) {
                        sink.send(new ProducerRecord<>(topic + "-out", record.key(), record.value()));
                    }
                    log.append(record.value(), partition, record.offset() + 1);
                    if (crashAfter > 0 && ++processed[0] >= crashAfter) {
                        while (true) {
                            LockSupport.park();
                        }
                    }
                })
                .build();
    }

    private static OffsetStore store(List<WorkLog> logs) {
        return partitions -> {
            Map<TopicPartition, Long> stored = new HashMap<>(WorkLog.storedOffsets(logs));
            stored.keySet().retainAll(partitions);
            return stored;
        };
    }
}
