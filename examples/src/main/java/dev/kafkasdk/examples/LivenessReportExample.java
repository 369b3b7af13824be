package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.LivenessAdvisor;
import dev.kafkasdk.consumer.LivenessInputs;
import dev.kafkasdk.consumer.LivenessReport;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.Optional;

/**
 * The GC-aware tuning report. A consumer whose handler takes about 5 ms per record runs with
 * {@code max.poll.records=500} and {@code max.poll.interval.ms=2000}: 500 records would need 2.5 s
 * of a 2 s budget. While it runs the SDK measures the handler's time per record and the JVM's GC
 * pauses; {@code consumer.livenessReport()} then says what is at risk and which client properties
 * would fix it. A second, offline evaluation shows what a 6 s stop-the-world GC pause (a full GC of
 * a large heap) would mean for the same 10 s session timeout.
 *
 * <pre>
 *   examples/run LivenessReportExample [--records 400] [--bootstrap-servers host:port]
 * </pre>
 */
public final class LivenessReportExample {

    /** The simulated cost of handling one record (a slow downstream call). */
    static final Duration WORK_PER_RECORD = Duration.ofMillis(5);
    /** The GC pause of the offline evaluation. */
    static final Duration GC_PAUSE_WHAT_IF = Duration.ofSeconds(6);

    /**
     * Both reports.
     *
     * @param processed records handled before the live report was taken
     * @param live      the running consumer's report
     * @param whatIf    the offline evaluation with a long GC pause
     */
    public record Result(int processed, LivenessReport live, LivenessReport whatIf) {}

    private LivenessReportExample() {}

    /**
     * Prints both reports.
     *
     * @param args see {@link ExampleArgs#usage()}
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleCluster kafka = ExampleCluster.start(args)) {
            Result result = run(
                    kafka.settings(),
                    kafka.name("examples.slow-work"),
                    kafka.name("slow-worker"),
                    kafka.args().intOption("records", 400));
            Console.line(
                    "live consumer after %d records:%n%s",
                    result.processed(), result.live().format());
            Console.line(
                    "what if a full GC stopped the JVM for 6 s:%n%s",
                    result.whatIf().format());
        }
    }

    /**
     * Runs a slow consumer over {@code records} records and takes its liveness report.
     *
     * @param cluster the cluster
     * @param topic   the topic to create and fill
     * @param groupId the consumer group
     * @param records how many records
     * @return the live and the what-if report
     * @throws Exception if a step fails or does not finish within a minute
     */
    public static Result run(ClusterSettings cluster, String topic, String groupId, int records) throws Exception {
        ExampleTopics.ensure(cluster, ExampleTopics.topic(topic, 1));
        ProducerSettings producer = ProducerSettings.builder()
                .name("work-items")
                .cluster(cluster)
                .preset(ProducerPreset.HIGH_THROUGHPUT)
                .build();
        AsyncProducerExample.send(producer, topic, records, 0);

        ConsumerSettings settings = ConsumerSettings.builder()
                .name("slow-worker")
                .cluster(cluster)
                .groupId(groupId)
                .groupProtocol(GroupProtocol.CLASSIC)
                .sessionTimeout(Duration.ofSeconds(10))
                .heartbeatInterval(Duration.ofSeconds(3))
                .maxPollInterval(Duration.ofSeconds(2))
                .maxPollRecords(500)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Progress processed = new Progress("slow records processed", records);
        LivenessReport live;
        try (SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        settings, Serdes.string(), Serdes.json(Order.class))
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .recordHandler(record -> {
                    Thread.sleep(WORK_PER_RECORD.toMillis()); // stands for a slow call to another service
                    processed.add(1);
                })
                .build()) {
            consumer.start();
            processed.await(Duration.ofSeconds(60), consumer);
            live = consumer.livenessReport();
        }
        return new Result((int) processed.count(), live, whatIfLongGcPause());
    }

    /**
     * Evaluates the same settings offline, as if a 6 s full GC pause had been observed.
     *
     * @return the report
     */
    public static LivenessReport whatIfLongGcPause() {
        return LivenessAdvisor.evaluate(new LivenessInputs(
                GroupProtocol.CLASSIC,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                500,
                Optional.of(GC_PAUSE_WHAT_IF),
                Optional.of(WORK_PER_RECORD),
                Optional.empty(),
                Optional.empty(),
                true,
                0.5));
    }
}
