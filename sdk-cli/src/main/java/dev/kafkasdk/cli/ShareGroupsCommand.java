package dev.kafkasdk.cli;

import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.ShareGroupInfo;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code share-groups list|describe}. */
@Command(
        name = "share-groups",
        description = "Share groups (KIP-932): list, and describe members and backlog.",
        subcommands = {ShareGroupsCommand.ListShareGroups.class, ShareGroupsCommand.Describe.class})
final class ShareGroupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code share-groups list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List share groups with their state.")
    static final class ListShareGroups extends AdminReadCommand {
        @Override
        void print(SdkAdmin admin, PrintWriter out) {
            List<GroupSummary> groups = admin.shareGroups().list();
            output.print(out, () -> GroupRender.list(out, groups), () -> GroupRender.listJson(groups));
        }
    }

    /** {@code share-groups describe GROUP}. */
    @Command(
            name = "describe",
            mixinStandardHelpOptions = true,
            description = "Describe a share group: state, members, their partitions, and lag per partition.")
    static final class Describe extends AdminReadCommand {
        @Parameters(paramLabel = "GROUP", description = "The share group id.", converter = Converters.NonBlank.class)
        String group;

        @Override
        void print(SdkAdmin admin, PrintWriter out) {
            ShareGroupInfo d = admin.shareGroups().describe(group);
            output.print(out, () -> text(out, d), () -> json(d));
        }

        private static void text(PrintWriter out, ShareGroupInfo d) {
            out.printf(
                    "share group %s: state %s, coordinator %s, %s, total lag %d%n",
                    d.groupId(),
                    d.state(),
                    d.coordinator().isPresent()
                            ? Integer.toString(d.coordinator().getAsInt())
                            : "-",
                    Plurals.count(d.members().size(), "member"),
                    d.totalLag());
            Table members = new Table("MEMBER", "CLIENT-ID", "HOST", "PARTITIONS");
            d.members().forEach(m -> members.row(m.memberId(), m.clientId(), m.host(), partitions(m)));
            members.print(out);
            Table lag = new Table("TOPIC", "PARTITION", "START-OFFSET", "LAG");
            d.partitions()
                    .forEach(p -> lag.row(
                            p.topic(),
                            p.partition(),
                            p.startOffset(),
                            p.lag().isPresent() ? Long.toString(p.lag().getAsLong()) : "-"));
            lag.print(out);
        }

        private static String partitions(ShareGroupInfo.Member m) {
            return m.assignment().stream().map(Object::toString).collect(Collectors.joining(","));
        }

        private static Map<String, Object> json(ShareGroupInfo d) {
            return Json.obj(
                    "group", d.groupId(),
                    "state", d.state(),
                    "coordinator", d.coordinator().isPresent() ? d.coordinator().getAsInt() : null,
                    "totalLag", d.totalLag(),
                    "members",
                            d.members().stream()
                                    .map(m -> Json.obj(
                                            "memberId", m.memberId(),
                                            "clientId", m.clientId(),
                                            "host", m.host(),
                                            "partitions", partitions(m)))
                                    .toList(),
                    "partitions",
                            d.partitions().stream()
                                    .map(p -> Json.obj(
                                            "topic", p.topic(),
                                            "partition", p.partition(),
                                            "startOffset", p.startOffset(),
                                            "lag", p.lag().isPresent() ? p.lag().getAsLong() : null))
                                    .toList());
        }
    }
}
