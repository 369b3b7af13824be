package dev.kafkasdk.examples;

import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The one-command demo ({@code ./demo}): everything driven by {@code demo.yaml}.
 * <ol>
 *   <li>load the configuration;</li>
 *   <li>create its topics with the admin module's plan/apply;</li>
 *   <li>send the same number of orders with each configured producer preset, asynchronously with
 *       callbacks, at a fixed rate ({@code --rate}, default 2,000 records/s; latency from each
 *       record's intended send time) or as a labelled {@code --burst}, and print each preset's
 *       latency and throughput;</li>
 *   <li>consume them into an H2 database, the offsets stored in the same JDBC transaction as the
 *       rows ({@code CommitMode.external(JdbcOffsetStore)});</li>
 *   <li>replay, with assign and seek, the records sent after a timestamp;</li>
 *   <li>report the group's lag with the admin module;</li>
 * </ol>
 * then print a summary and exit 0 when every number matches, 1 otherwise (2 for a bad command line).
 */
public final class Demo {

    private static final String TOPIC = "demo.orders";
    private static final int STEPS = 6;

    private Demo() {}

    /**
     * Runs the demo and exits with its status.
     *
     * @param args see {@link ExampleArgs#usage()}
     */
    public static void main(String[] args) {
        int status;
        try {
            ExampleArgs parsed = ExampleArgs.parse(args);
            if (parsed.flag("help")) {
                System.out.println("./demo [options]\n" + ExampleArgs.usage());
                return;
            }
            DemoSummary summary = execute(parsed);
            Console.line("%s", summary.format());
            status = summary.ok() ? 0 : 1;
        } catch (IllegalArgumentException badCommandLine) {
            System.err.println("[demo] " + badCommandLine.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("[demo] FAILED: " + (e.getMessage() != null ? e.getMessage() : e));
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("[demo]   caused by " + cause);
            }
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Runs the demo: connects (or starts the embedded broker), runs every step and stops the broker.
     *
     * @param args the parsed command line
     * @return the summary; check {@link DemoSummary#ok()}
     * @throws Exception if a step fails
     */
    public static DemoSummary execute(ExampleArgs args) throws Exception {
        long start = System.nanoTime();
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            return run(kafka, start);
        }
    }

    private static DemoSummary run(ExampleCluster kafka, long start) throws Exception {
        int perPreset = kafka.args().intOption("records", 2000);
        step(1, "configuration: demo.yaml (run id %s)", kafka.runId());
        KafkaSdkConfig config = kafka.loadConfig("demo.yaml");
        Console.line(
                "      producers %s, consumers %s, topics %s",
                config.producers().keySet(),
                config.consumers().keySet(),
                config.topics().keySet());
        String topic = kafka.name(TOPIC);

        step(2, "topics from the config, created with the admin module (plan + apply)");
        List<TopicSpec> topics = config.topics().values().stream()
                .map(t -> TopicSpec.from(t).name(kafka.name(t.name())).build())
                .toList();
        ExampleTopics.ensure(config.admin(), topics);

        int rate = AsyncProducerExample.rate(kafka.args());
        step(
                3,
                "producer presets: %d orders each, %s, sent asynchronously, results in callbacks",
                perPreset,
                rate == 0 ? "as a burst (every send at once)" : "at a fixed " + rate + " records/s");
        Sent sent = sendWithEveryPreset(config.producers(), topic, perPreset, rate);

        step(4, "consumer 'ledger': orders into H2, offsets stored in the same JDBC transaction");
        OrderDatabase database = OrderDatabase.inMemory("kafka-sdk-demo-" + kafka.runId());
        database.createTables();
        ConsumerSettings ledgerSettings = ConsumerSettings.from(config.consumer("ledger"))
                .groupId(kafka.name(config.consumer("ledger").groupId().orElse("demo-ledger")))
                .build();
        String group = ledgerSettings.groupId().orElseThrow();
        OrderLedger.Result ledger = OrderLedger.run(ledgerSettings, topic, database, sent.acknowledged());
        long rows = database.queryLong("SELECT COUNT(*) FROM orders");
        Map<TopicPartition, Long> stored =
                JdbcOffsetStore.builder(database::connect, group).build().loadAll();
        Console.line(
                "      H2: %d rows in orders, %d JDBC transactions; kafka_offsets %s",
                rows, ledger.transactions(), stored);

        step(5, "replay with assign + seek: the records sent since %s", sent.replayFrom());
        ReplayExample.Replay replay =
                ReplayExample.replay(config.consumer("replay"), topic, sent.replayFrom(), sent.replayTo());
        Console.line("      %s", replay.format());

        step(6, "lag report for group %s (admin module)", group);
        GroupLag lag = LagReport.read(config.admin(), group);
        database.shutdown();

        return new DemoSummary(
                config.producers().size(),
                (long) perPreset * config.producers().size(),
                sent.acknowledged(),
                sent.failed(),
                ledger.consumed(),
                rows,
                stored.values().stream().mapToLong(Long::longValue).sum(),
                LagReport.committedTotal(lag),
                sent.replayFrom(),
                replay.replayed(),
                sent.afterReplayPoint(),
                lag.totalLag(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** What step 3 sent; the replay point lies between the first preset's records and the rest. */
    private record Sent(long acknowledged, long failed, Instant replayFrom, Instant replayTo, long afterReplayPoint) {}

    private static Sent sendWithEveryPreset(
            Map<String, ProducerSettings> producers, String topic, int perPreset, int rate)
            throws InterruptedException {
        long acknowledged = 0;
        long failed = 0;
        long afterReplayPoint = 0;
        Instant replayFrom = null;
        Instant last = Instant.EPOCH;
        int first = 0;
        for (ProducerSettings settings : producers.values()) {
            AsyncProducerExample.Result result = AsyncProducerExample.send(settings, topic, perPreset, first, rate);
            Console.line("      %s", result.format());
            acknowledged += result.acknowledged();
            failed += result.failed();
            if (replayFrom == null) {
                replayFrom = ReplayExample.startAfter(result.lastTimestamp());
            } else {
                afterReplayPoint += result.acknowledged();
            }
            last = result.lastTimestamp();
            first += perPreset;
        }
        return new Sent(acknowledged, failed, replayFrom, last.plusMillis(1), afterReplayPoint);
    }

    private static void step(int n, String format, Object... args) {
        Console.line("[demo %d/%d] " + format, prepend(n, args));
    }

    private static Object[] prepend(int n, Object[] args) {
        Object[] all = new Object[args.length + 2];
        all[0] = n;
        all[1] = STEPS;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }
}
