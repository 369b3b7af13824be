package dev.kafkasdk.cli;

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
@Command(
        name = "kafka-sdk-admin",
        mixinStandardHelpOptions = true,
        versionProvider = KafkaSdkAdminCli.Version.class,
        description = "Topics as code, consumer groups, cluster health and config lint for Apache Kafka.",
        subcommands = {
            TopicsCommand.class,
            GroupsCommand.class,
            ShareGroupsCommand.class,
            ClusterCommand.class,
            LintCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the result is a failure (lint errors, CRITICAL health, refused change)",
            "2:invalid command line",
            "3:could not run (cluster unreachable, not authorized, bad config file, internal error)"
        })
public final class KafkaSdkAdminCli {

    private KafkaSdkAdminCli() {}

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // kafka-clients logs through SLF4J; the command line ships no binding, so its notice is silenced
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
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
                    .setErr(err);
            CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
            cli.setParameterExceptionHandler(
                            (e, arguments) -> standard.handleParseException(asTyped(e, arguments), arguments))
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

    /**
     * Picocli names an option by its longest name ({@code --topic}); when the user typed another of its
     * names ({@code -t}), the message names that one instead.
     *
     * @param e what picocli rejected
     * @param arguments the command line as given
     * @return {@code e}, or a copy whose message names the option as typed
     */
    static CommandLine.ParameterException asTyped(CommandLine.ParameterException e, String[] arguments) {
        if (!(e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) || option.names().length < 2) {
            return e;
        }
        String longest = "option '" + option.longestName() + "'";
        if (e.getMessage() == null || !e.getMessage().contains(longest)) {
            return e;
        }
        for (int i = 0; i < arguments.length; i++) {
            for (String name : option.names()) {
                boolean separate =
                        arguments[i].equals(name) && i + 1 < arguments.length && arguments[i + 1].equals(e.getValue());
                boolean attached = arguments[i].equals(name + "=" + e.getValue());
                if ((separate || attached) && !name.equals(option.longestName())) {
                    return new CommandLine.ParameterException(
                            e.getCommandLine(),
                            e.getMessage().replace(longest, "option '" + name + "'"),
                            e.getCause(),
                            e.getArgSpec(),
                            e.getValue());
                }
            }
        }
        return e;
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
