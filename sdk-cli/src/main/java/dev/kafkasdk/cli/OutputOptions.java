package dev.kafkasdk.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --output} option shared by every command. */
public final class OutputOptions {

    /** How results are printed. */
    public enum Format {
        /** Aligned text tables, for people. */
        TABLE,
        /** One JSON document, for scripts. */
        JSON
    }

    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            paramLabel = "table|json",
            description = "Print a table (default) or one JSON document.")
    Format format = Format.TABLE;

    /** @return true for JSON output */
    boolean json() {
        return format == Format.JSON;
    }

    /**
     * Prints a result in the chosen format.
     *
     * @param out where to print
     * @param table prints the table form
     * @param json builds the JSON form
     */
    void print(PrintWriter out, Runnable table, java.util.function.Supplier<Object> json) {
        if (json()) {
            Json.print(out, json.get());
        } else {
            table.run();
        }
    }
}
