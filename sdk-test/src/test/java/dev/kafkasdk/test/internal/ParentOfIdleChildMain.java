package dev.kafkasdk.test.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for the orphan test: starts an {@link IdleMain} child the way the kit starts
 * brokers, prints the child's pid, then blocks until it is killed.
 */
public final class ParentOfIdleChildMain {

    private ParentOfIdleChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        ChildProcess child = ChildProcess.launch(
                List.of(
                        "-Xmx32m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        String.join(java.io.File.pathSeparator, JvmClasspath.resolve()),
                        IdleMain.class.getName()),
                dir.resolve("grandchild.args"),
                dir.resolve("grandchild.log"));
        System.out.println("child pid " + child.pid());
        new CountDownLatch(1).await();
    }
}
