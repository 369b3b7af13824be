package dev.kafkasdk.cli;

import dev.kafkasdk.admin.SdkAdmin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that reads from the cluster through one admin client and prints what it read as a
 * table or, with {@code --output json}, as JSON; it exits 0 once printed. Failures propagate to the
 * CLI's one-line failure handler.
 */
abstract class AdminReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        try (SdkAdmin admin = connection.connect()) {
            print(admin, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    /**
     * Reads and prints, typically with {@code output.print(out, table, json)}.
     *
     * @param admin the connected admin client
     * @param out   the command's standard output
     */
    abstract void print(SdkAdmin admin, PrintWriter out);
}
