package dev.kafkasdk.test.internal;

import java.nio.file.Path;

/**
 * Entry point of a child broker JVM: {@code ChildBrokerMain <cluster id> <server.properties>}. Starts
 * the {@linkplain ParentWatchdog parent watchdog}, formats the node's storage unless it is
 * formatted already (so all nodes format in parallel, and a restart keeps its data), then runs
 * {@code kafka.Kafka}. Not part of the public API.
 */
public final class ChildBrokerMain {

    private ChildBrokerMain() {}

    /**
     * Formats and starts the broker; returns when the broker has shut down.
     *
     * @param args the cluster id and the path of {@code server.properties}
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ChildBrokerMain <cluster id> <server.properties>");
        }
        ParentWatchdog.start();
        Path properties = Path.of(args[1]);
        StorageFormatter.format(properties, args[0], StorageFormatter.readFormatArguments(properties));
        kafka.Kafka.main(new String[] {args[1]});
    }
}
