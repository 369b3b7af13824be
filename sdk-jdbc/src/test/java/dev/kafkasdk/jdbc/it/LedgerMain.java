package dev.kafkasdk.jdbc.it;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.jdbc.ConnectionSource;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link JdbcOffsetStoreIT}: the {@link Ledger} consumer on a SQLite file, slowed
 * down so that the parent can kill it with SIGKILL in the middle of the stream.
 *
 * <p>Arguments: bootstrap, topic, group, database file.
 */
public final class LedgerMain {

    private LedgerMain() {}

    /**
     * Runs until killed.
     *
     * @param args see the class comment
     * @throws Exception if the consumer cannot start
     */
    public static void main(String[] args) throws Exception {
        ConnectionSource database = JdbcOffsetStoreIT.sqlite(Path.of(args[3]));
        JdbcOffsetStore store = JdbcOffsetStore.builder(database, args[2]).build();
        SdkConsumer<String, String> consumer =
                Ledger.consumer(args[0], args[1], args[2], database, store, Duration.ofMillis(25), new AtomicInteger());
        consumer.start();
        consumer.awaitTermination(Duration.ofMinutes(5));
    }
}
