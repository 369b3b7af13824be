package dev.kafkasdk.cli;

import dev.kafkasdk.admin.GroupDescription;
import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.SdkAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    static final class ListGroups implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (SdkAdmin admin = connection.connect()) {
                List<GroupSummary> groups = admin.groups().list();
                var out = spec.commandLine().getOut();
                output.print(out, () -> GroupRender.list(out, groups), () -> GroupRender.listJson(groups));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code groups describe GROUP}. */
    @Command(
            name = "describe",
            mixinStandardHelpOptions = true,
            description = "Describe a group: state, protocol, assignor, members and their partitions.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "GROUP", description = "The group id.", converter = Converters.NonBlank.class)
        String group;

        @Override
        public Integer call() {
            try (SdkAdmin admin = connection.connect()) {
                GroupDescription d = admin.groups().describe(group);
                var out = spec.commandLine().getOut();
                output.print(out, () -> GroupRender.describe(out, d), () -> GroupRender.describeJson(d));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code groups lag GROUP}. */
    @Command(
            name = "lag",
            mixinStandardHelpOptions = true,
            description = "Committed-offset lag of a group per partition and in total.")
    static final class Lag implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "GROUP", description = "The group id.", converter = Converters.NonBlank.class)
        String group;

        @Override
        public Integer call() {
            try (SdkAdmin admin = connection.connect()) {
                GroupLag lag = admin.groups().lag(group);
                var out = spec.commandLine().getOut();
                output.print(out, () -> GroupRender.lag(out, lag), () -> GroupRender.lagJson(lag));
                return ExitCodes.OK;
            }
        }
    }
}
