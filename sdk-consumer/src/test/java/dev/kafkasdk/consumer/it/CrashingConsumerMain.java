package dev.kafkasdk.consumer.it;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link CommitWorkflowCrashIT}: consumes until {@code crashAfter} records are
 * processed, then hangs inside the handler until the parent kills it with SIGKILL.
 *
 * <p>Arguments: bootstrap, topic, group, protocol, workflow, log file, crashAfter.
 */
public final class CrashingConsumerMain {

    private CrashingConsumerMain() {}

    /**
     * Runs the child.
     *
     * @param args see the class comment
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        GroupProtocol protocol = GroupProtocol.valueOf(args[3]);
        Workflow workflow = Workflow.valueOf(args[4]);
        WorkLog log = new WorkLog(Path.of(args[5]));
        int crashAfter = Integer.parseInt(args[6]);
        TestTransactionalSink sink =
                workflow == Workflow.TRANSACTIONAL ? new TestTransactionalSink(bootstrap, group + "-tx") : null;
        SdkConsumer<String, String> consumer =
                CrashWorkload.build(bootstrap, topic, group, protocol, workflow, log, List.of(log), sink, crashAfter);
        consumer.start();
        consumer.awaitTermination(java.time.Duration.ofMinutes(10));
    }
}
