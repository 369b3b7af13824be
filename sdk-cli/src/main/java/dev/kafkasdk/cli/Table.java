package dev.kafkasdk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table with left-aligned columns padded to the widest cell, in the style of Kafka's own
 * command-line tools. Not thread-safe.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param headers column headers
     */
    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; {@code null} cells print as {@code -}.
     *
     * @param cells one value per column
     * @return this table
     * @throws IllegalArgumentException if the cell count differs from the header count
     */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells)
                .map(c -> c == null ? "-" : Objects.toString(c))
                .toList());
        return this;
    }

    /** @return true when no row was added */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Prints the header and the rows.
     *
     * @param out where to print; not closed
     */
    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, headers, widths);
        rows.forEach(r -> printRow(out, r, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
