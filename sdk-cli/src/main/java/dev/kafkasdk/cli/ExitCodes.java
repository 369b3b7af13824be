package dev.kafkasdk.cli;

/** The command line's exit codes. */
public final class ExitCodes {

    /** The command ran and its result is good. */
    public static final int OK = 0;

    /**
     * The command ran and its result is a failure: lint errors, a CRITICAL health verdict, a refused
     * partition decrease, a reset refused because the group is active.
     */
    public static final int FAILED = 1;

    /** The command line was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;

    /**
     * The command could not run: cluster unreachable, not authorized, invalid configuration file, or an
     * unexpected internal error (reported as one line, never as a stack trace).
     */
    public static final int ERROR = 3;

    private ExitCodes() {}
}
