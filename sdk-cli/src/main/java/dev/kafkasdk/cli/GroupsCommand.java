package dev.kafkasdk.cli;

import dev.kafkasdk.admin.GroupDescription;
import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.SdkAdmin;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groups list|describe|lag|reset}. */
@Command(
        name = "groups",
        description = "Consumer groups: list, describe, lag and offset resets.",
        subcommands = {
            GroupsCommand.ListGroups.class,
            GroupsCommand.Describe.class,
            GroupsCommand.Lag.class,
            ResetCommand.class
        })
final class GroupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code groups list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List consumer groups with their protocol (classic or consumer) and state.")
    static final class ListGroups extends AdminReadCommand {
        @Override
        void print(SdkAdmin admin, PrintWriter out) {
            List<GroupSummary> groups = admin.groups().list();
            output.print(out, () -> GroupRender.list(out, groups), () -> GroupRender.listJson(groups));
        }
    }

    /** {@code groups describe GROUP}. */
    @Command(
            name = "describe",
            mixinStandardHelpOptions = true,
            description = "Describe a group: state, protocol, assignor, members and their partitions.")
    static final class Describe extends AdminReadCommand {
        @Parameters(paramLabel = "GROUP", description = "The group id.", converter = Converters.NonBlank.class)
        String group;

        @Override
        void print(SdkAdmin admin, PrintWriter out) {
            GroupDescription d = admin.groups().describe(group);
            output.print(out, () -> GroupRender.describe(out, d), () -> GroupRender.describeJson(d));
        }
    }

    /** {@code groups lag GROUP}. */
    @Command(
            name = "lag",
            mixinStandardHelpOptions = true,
            description = "Committed-offset lag of a group per partition and in total.")
    static final class Lag extends AdminReadCommand {
        @Parameters(paramLabel = "GROUP", description = "The group id.", converter = Converters.NonBlank.class)
        String group;

        @Override
        void print(SdkAdmin admin, PrintWriter out) {
            GroupLag lag = admin.groups().lag(group);
            output.print(out, () -> GroupRender.lag(out, lag), () -> GroupRender.lagJson(lag));
        }
    }
}
