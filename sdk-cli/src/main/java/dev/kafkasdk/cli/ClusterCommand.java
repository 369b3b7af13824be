package dev.kafkasdk.cli;

import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.Verdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cluster health}. */
@Command(name = "cluster", description = "Cluster-wide checks.", subcommands = ClusterCommand.Health.class)
final class ClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code cluster health}. */
    @Command(
            name = "health",
            mixinStandardHelpOptions = true,
            description = "Brokers, controller, KRaft quorum (leader, voters, observers, lag), offline, under-min-ISR"
                    + " and under-replicated partitions, leader balance, and a verdict: OK, WARN or CRITICAL.")
    static final class Health implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Option(
                names = "--fail-on",
                defaultValue = "CRITICAL",
                paramLabel = "WARN|CRITICAL",
                description = "Exit 1 at this verdict or worse (default: ${DEFAULT-VALUE}).")
        Verdict failOn;

        @Override
        public Integer call() {
            try (SdkAdmin admin = connection.connect()) {
                HealthReport report = admin.cluster().health();
                var out = spec.commandLine().getOut();
                output.print(out, () -> HealthRender.table(out, report), () -> HealthRender.json(report));
                return report.verdict().compareTo(failOn) >= 0 ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }
    }
}
