package dev.kafkasdk.consumer.it;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link ConcurrentCrashIT}: a key-ordered consumer at concurrency 64 that logs every
 * handled record until the parent kills it with SIGKILL.
 *
 * <p>Arguments: bootstrap, topic, group, protocol, log file.
 */
public final class ConcurrentCrashMain {

    private ConcurrentCrashMain() {}

    /**
     * Runs the child.
     *
     * @param args see the class comment
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        WorkLog log = new WorkLog(Path.of(args[4]));
        SdkConsumer<String, String> consumer =
                ConcurrentCrashIT.consumer(args[0], args[1], args[2], GroupProtocol.valueOf(args[3]), log);
        consumer.start();
        consumer.awaitTermination(Duration.ofMinutes(10));
    }
}
