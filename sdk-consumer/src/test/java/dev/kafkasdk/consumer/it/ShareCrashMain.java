package dev.kafkasdk.consumer.it;

import dev.kafkasdk.consumer.SdkShareConsumer;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;

/**
 * The child JVM of {@link ShareCrashIT}: a share consumer that logs every record its handler
 * finishes until the parent kills it with SIGKILL.
 *
 * <p>Arguments: bootstrap, topic, group, log file.
 */
public final class ShareCrashMain {

    private ShareCrashMain() {}

    /**
     * Runs the child.
     *
     * @param args see the class comment
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        WorkLog log = new WorkLog(Path.of(args[3]));
        SdkShareConsumer<String, String> consumer = ShareCrashIT.member(args[0], args[1], args[2], record -> {
            ShareCrashIT.work();
            log.append(record.value(), new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        });
        consumer.start();
        consumer.awaitTermination(Duration.ofMinutes(10));
    }
}
