package dev.kafkasdk.consumer.it;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The child JVM of {@link RetryCrashIT}: a retry-topics consumer that, once the handler failed on
 * {@code crashValue} (so its copy goes to the tier), parks in the next offset commit and writes
 * {@code PARKED} to its log, for the parent to SIGKILL it between the tier publish and the commit.
 *
 * <p>Arguments: bootstrap, topic, group, log file, crashValue.
 */
public final class RetryCrashMain {

    static final String PARKED = "PARKED";

    private RetryCrashMain() {}

    /**
     * Runs the child.
     *
     * @param args see the class comment
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        SdkConsumer<String, String> consumer = build(args[0], args[1], args[2], new WorkLog(Path.of(args[3])), args[4]);
        consumer.start();
        consumer.awaitTermination(Duration.ofMinutes(10));
    }

    /**
     * The consumer: {@code fail-*} values fail on the main topic and succeed from the 1 s tier; handled
     * values go to the log.
     */
    static SdkConsumer<String, String> build(
            String bootstrap, String topic, String group, WorkLog log, String crashValue) {
        AtomicBoolean parkNextCommit = new AtomicBoolean();
        return SdkConsumer.builder(
                        ItSupport.settings(bootstrap, group, GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .failurePolicy(FailurePolicy.retryTopics(Duration.ofSeconds(1)).thenDeadLetter())
                .deadLettersToKafka()
                .clientFactory(props -> new KafkaConsumer<byte[], byte[]>(props) {
                    @Override
                    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                        park(parkNextCommit, log);
                        super.commitSync(offsets);
                    }

                    @Override
                    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
                        park(parkNextCommit, log);
                        super.commitSync(offsets, timeout);
                    }
                })
                .recordHandler(record -> {
                    boolean main = record.topic().equals(topic);
                    if (main && record.value().startsWith("fail-")) {
                        if (record.value().equals(crashValue)) {
                            parkNextCommit.set(true);
                        }
                        throw new IllegalStateException("fails on the main topic: " + record.value());
                    }
                    log.append(
                            record.value(),
                            new TopicPartition(record.topic(), record.partition()),
                            record.offset() + 1);
                })
                .build();
    }

    private static void park(AtomicBoolean parkNextCommit, WorkLog log) {
        if (parkNextCommit.get()) {
            log.append(PARKED, new TopicPartition(PARKED, 0), 0);
            while (true) {
                LockSupport.park();
            }
        }
    }
}
