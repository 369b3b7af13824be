package dev.kafkasdk.cli;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.RetryTopicSpecs;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.TopicPlan;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code topics plan|apply|size}. */
@Command(
        name = "topics",
        description = "Topics as code and partition sizing.",
        subcommands = {TopicsCommand.Plan.class, TopicsCommand.Apply.class, SizeCommand.class})
final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Options shared by plan and apply. */
    static final class SpecSelection {
        @Option(
                names = {"-t", "--topic"},
                paramLabel = "NAME",
                converter = Converters.NonBlank.class,
                description = "Only this topic of the config file and the retry-tier and dead-letter topics its"
                        + " consumers derive from it (repeatable; default: every topic).")
        List<String> topics = new ArrayList<>();

        List<TopicSpec> select(KafkaSdkConfig config, CommandSpec spec) {
            if (topics.isEmpty()) {
                return RetryTopicSpecs.withDerived(config);
            }
            List<TopicSpec> selected = new ArrayList<>();
            for (String name : topics) {
                if (!config.topics().containsKey(name)) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "Topic '" + name + "' is not in the config file; it declares "
                                    + config.topics().keySet());
                }
                selected.add(config.topics().get(name));
            }
            RetryTopicSpecs.derived(config, topics).stream()
                    .filter(derived -> !topics.contains(derived.name()))
                    .forEach(selected::add);
            return selected;
        }
    }

    /** {@code topics plan}. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "Show what 'topics apply' would change (create, add partitions) and the drift it would"
                    + " only report (configs, replication factor, partition decreases). Changes nothing.")
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Mixin
        SpecSelection selection;

        @Override
        public Integer call() {
            List<TopicSpec> specs = selection.select(connection.requireConfig(), spec);
            try (SdkAdmin admin = connection.connect()) {
                TopicPlan plan = admin.topics().plan(specs);
                var out = spec.commandLine().getOut();
                output.print(out, () -> TopicRender.plan(out, plan), () -> TopicRender.planJson(plan));
                return plan.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    /** {@code topics apply}. */
    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Create missing topics and raise partition counts as the config file says. Drift is"
                    + " reported, never overwritten; partition decreases are refused. Safe to run again.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Mixin
        SpecSelection selection;

        @Option(names = "--fail-on-drift", description = "Exit 1 when configs or replication factors drifted.")
        boolean failOnDrift;

        @Override
        public Integer call() {
            List<TopicSpec> specs = selection.select(connection.requireConfig(), spec);
            try (SdkAdmin admin = connection.connect()) {
                ApplyResult result = admin.topics().apply(specs);
                var out = spec.commandLine().getOut();
                output.print(out, () -> TopicRender.apply(out, result), () -> TopicRender.applyJson(result));
                boolean failed =
                        !result.isComplete() || (failOnDrift && !result.drift().isEmpty());
                return failed ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }
    }
}
