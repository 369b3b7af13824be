package dev.kafkasdk.cli;

import dev.kafkasdk.admin.PartitionLoad;
import dev.kafkasdk.admin.PartitionSizing;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.SizingRecommendation;
import dev.kafkasdk.admin.SizingRequest;
import dev.kafkasdk.admin.Throughput;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code topics size}. */
@Command(
        name = "size",
        mixinStandardHelpOptions = true,
        description = "Recommend a partition count: max(target / producer rate, target / consumer rate) per"
                + " partition, rounded up, plus headroom; show partition replicas per broker after the change"
                + " (read from the cluster with --online or --bootstrap-servers).")
final class SizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "RATE",
            converter = ThroughputConverter.class,
            description = "Throughput the topic must carry, e.g. 50MB/s or 200000rec/s.")
    Throughput target;

    @Option(
            names = "--producer-rate",
            required = true,
            paramLabel = "RATE",
            converter = ThroughputConverter.class,
            description = "Measured producer throughput of one partition.")
    Throughput producerRate;

    @Option(
            names = "--consumer-rate",
            required = true,
            paramLabel = "RATE",
            converter = ThroughputConverter.class,
            description = "Measured consumer throughput of one partition.")
    Throughput consumerRate;

    @Option(
            names = "--headroom",
            defaultValue = "20",
            paramLabel = "PERCENT",
            converter = Converters.Percent.class,
            description = "Headroom added after rounding up (default: ${DEFAULT-VALUE}%%).")
    double headroomPercent;

    @Option(
            names = "--partition-budget",
            defaultValue = "2000",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Partition replicas one broker should host at most (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = {"-t", "--topic"},
            paramLabel = "NAME",
            converter = Converters.NonBlank.class,
            description = "Topic being sized: its current partitions and replication factor come from the cluster"
                    + " when online, else from the config file.")
    String topic;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Replication factor (default: the topic's, else 1).")
    Integer replicationFactor;

    @Option(
            names = "--broker-count",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Broker count when not reading the cluster.")
    Integer brokerCount;

    @Option(names = "--online", description = "Read partition counts from the cluster of the config file.")
    boolean online;

    @Override
    public Integer call() {
        if (target.unit() != producerRate.unit() || target.unit() != consumerRate.unit()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--target, --producer-rate and --consumer-rate must all"
                            + " be in bytes (e.g. 50MB/s) or all in records (e.g. 200000rec/s)");
        }
        SizingRequest.Builder request = SizingRequest.builder()
                .target(target)
                .producerPerPartition(producerRate)
                .consumerPerPartition(consumerRate)
                .headroom(headroomPercent / 100)
                .partitionBudgetPerBroker(budget);
        Integer rf = replicationFactor;
        if (online || connection.bootstrapServers != null) {
            try (SdkAdmin admin = connection.connect()) {
                PartitionLoad load = admin.cluster().partitionLoad();
                request.replicasPerBroker(load.replicasPerBroker());
                if (topic != null && load.partitionsPerTopic().containsKey(topic)) {
                    request.currentPartitions(load.partitionsPerTopic().get(topic));
                    rf = rf != null ? rf : load.replicationFactorPerTopic().get(topic);
                }
            }
        } else if (topic != null && connection.config().isPresent()) {
            TopicSpec spec = connection.config().get().topics().get(topic);
            if (spec != null && rf == null && spec.replicationFactor().isPresent()) {
                rf = spec.replicationFactor().getAsInt();
            }
        }
        if (brokerCount != null) {
            request.brokerCount(brokerCount);
        }
        request.replicationFactor(rf == null ? 1 : rf);
        SizingRecommendation r = PartitionSizing.recommend(request.build());
        var out = spec.commandLine().getOut();
        output.print(out, () -> SizingRender.table(out, r), () -> SizingRender.json(r));
        return ExitCodes.OK;
    }

    /** Parses {@code 50MB/s}-style rates. */
    static final class ThroughputConverter implements picocli.CommandLine.ITypeConverter<Throughput> {
        @Override
        public Throughput convert(String value) {
            try {
                return Throughput.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
