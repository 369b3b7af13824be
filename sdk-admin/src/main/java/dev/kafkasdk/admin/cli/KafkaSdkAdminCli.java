package dev.kafkasdk.admin.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kafka-sdk-admin} command line: {@code topics plan|apply|size}, {@code groups
 * list|describe|lag|reset}, {@code cluster health} and {@code lint}, against {@code --bootstrap-servers}
 * or a {@code --config} file, printing tables or JSON ({@code --output json}).
 *
 * <p>Exit codes are listed in {@link ExitCodes}. Every failure, including an {@link Error},
 * is reported as one {@code error: ...} line on the error writer, never as a stack trace.
 * {@link #main(String[])} exits the JVM; {@link #run(PrintWriter, PrintWriter, String...)} runs
 * in-process and returns the code.
 */
@Command(name = "kafka-sdk-admin", mixinStandardHelpOptions = true,
        versionProvider = KafkaSdkAdminCli.Version.class,
        description = "Topics as code, consumer groups, cluster health and config lint for Apache Kafka.",
        subcommands = {TopicsCommand.class, GroupsCommand.class, ClusterCommand.class, LintCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the result is a failure (lint errors, CRITICAL health, refused change)",
                "2:invalid command line",
                "3:could not run (cluster unreachable, not authorized, bad config file, internal error)"})
public final class KafkaSdkAdminCli {

    private KafkaSdkAdminCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command line in the calling thread. Neither writer is closed.
     *
     * @param out where results go
     * @param err where errors and usage messages go
     * @param args the arguments
     * @return the exit code, see {@link ExitCodes}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code;
        try {
            CommandLine cli = new CommandLine(KafkaSdkAdminCli.class)
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(out)
                    .setErr(err)
                    .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd.getErr()));
            code = cli.execute(args);
        } catch (Throwable e) { // an Error (StackOverflowError, OutOfMemoryError) escapes picocli's handler
            code = failure(e, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Reports a failure as one line without a stack trace: the exception's message, or for an
     * {@link Error} or an exception without a message, its type.
     *
     * @param e   what was thrown
     * @param err where the line goes
     * @return {@link ExitCodes#USAGE} for an {@link IllegalArgumentException}, else {@link ExitCodes#ERROR}
     */
    static int failure(Throwable e, PrintWriter err) {
        String message = e.getMessage();
        if (e instanceof Exception && message != null && !message.isBlank()) {
            err.println("error: " + message);
        } else {
            err.println("error: unexpected " + e.getClass().getName() + "; please report it");
        }
        err.flush();
        return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.ERROR;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KafkaSdkAdminCli.class.getPackage().getImplementationVersion();
            return new String[] {"kafka-sdk-admin " + (version == null ? "(development build)" : version)};
        }
    }
}
