package dev.kafkasdk.cli;

import dev.kafkasdk.admin.GroupActiveException;
import dev.kafkasdk.admin.OffsetResetRequest;
import dev.kafkasdk.admin.OffsetResetResult;
import dev.kafkasdk.admin.ResetTarget;
import dev.kafkasdk.admin.SdkAdmin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groups reset GROUP}. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Move a stopped group's committed offsets. A dry run unless --execute is given. Refused"
                + " while the group has active members.")
final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "GROUP", description = "The group id.", converter = Converters.NonBlank.class)
    String group;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(
            names = {"-t", "--topic"},
            paramLabel = "NAME",
            converter = Converters.NonBlank.class,
            description = "Reset every partition of this topic (repeatable; default: every partition the group has"
                    + " committed).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--execute", description = "Commit the new offsets (default: dry run, nothing changes).")
    boolean execute;

    /** Exactly one reset target. */
    static final class Target {
        @Option(names = "--to-earliest", description = "The earliest offset still in the log.")
        boolean earliest;

        @Option(names = "--to-latest", description = "The log end offset.")
        boolean latest;

        @Option(
                names = "--to-datetime",
                paramLabel = "TIME",
                converter = Converters.Timestamp.class,
                description = "First offset at or after a time: 2026-01-31T12:00:00Z (no zone: UTC).")
        Instant datetime;

        @Option(
                names = "--to-offset",
                paramLabel = "OFFSET",
                converter = Converters.Offset.class,
                description = "An absolute offset.")
        Long offset;

        @Option(names = "--shift-by", paramLabel = "N", description = "Move by N records (negative re-reads).")
        Long shift;

        ResetTarget toTarget() {
            if (earliest) {
                return ResetTarget.earliest();
            }
            if (latest) {
                return ResetTarget.latest();
            }
            if (datetime != null) {
                return ResetTarget.toTimestamp(datetime);
            }
            if (offset != null) {
                return ResetTarget.toOffset(offset);
            }
            return ResetTarget.shiftBy(shift);
        }
    }

    @Override
    public Integer call() {
        OffsetResetRequest request = new OffsetResetRequest(group, target.toTarget(), new HashSet<>(topics), !execute);
        try (SdkAdmin admin = connection.connect()) {
            OffsetResetResult result = admin.groups().resetOffsets(request);
            var out = spec.commandLine().getOut();
            output.print(out, () -> GroupRender.reset(out, result), () -> GroupRender.resetJson(result));
            return ExitCodes.OK;
        } catch (GroupActiveException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
