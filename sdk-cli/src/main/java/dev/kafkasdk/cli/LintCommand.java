package dev.kafkasdk.cli;

import dev.kafkasdk.admin.ConfigLinter;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintReport;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lint}. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check producer, consumer, topic and broker settings against each other and Kafka's operating"
                + " advice. Offline on the config file; online (--online or --bootstrap-servers) it also reads every"
                + " broker's and topic's configuration from the cluster. Exits 1 on errors.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--online", description = "Also read the cluster named in the config file.")
    boolean online;

    @Option(
            names = "--broker-count",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Broker count for offline checks.")
    Integer brokerCount;

    @Option(
            names = "--partition-budget",
            defaultValue = "2000",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Partition replicas one broker should host at most (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = "--skip",
            split = ",",
            paramLabel = "ID",
            converter = Converters.LintRuleId.class,
            description = "Rule ids to leave out, e.g. KSDK-L005.")
    List<String> skip = new ArrayList<>();

    @Option(
            names = "--fail-on",
            defaultValue = "ERROR",
            paramLabel = "ERROR|WARN",
            description = "Exit 1 when a finding has this severity or worse (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Override
    public Integer call() {
        boolean live = online || connection.bootstrapServers != null;
        if (!live && connection.configFile == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Missing --config FILE (offline lint) or --bootstrap-servers HOST:PORT (online lint)");
        }
        LintContext.Builder builder = connection
                .config()
                .map(LintContext::builder)
                .orElseGet(LintContext::builder)
                .partitionBudgetPerBroker(budget);
        if (brokerCount != null) {
            builder.brokerCount(brokerCount);
        }
        LintContext context = builder.build();
        if (live) {
            try (SdkAdmin admin = connection.connect()) {
                context = admin.cluster().lintContext(context);
            }
        }
        LintReport report = ConfigLinter.defaults().without(skip).lint(context);
        var out = spec.commandLine().getOut();
        output.print(out, () -> LintRender.table(out, report), () -> LintRender.json(report));
        boolean failed = report.findings().stream().anyMatch(f -> f.severity().compareTo(failOn) <= 0);
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
