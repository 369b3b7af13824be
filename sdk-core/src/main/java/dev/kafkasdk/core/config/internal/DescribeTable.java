package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.Origin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Renders a client's effective properties as a text table of key, value and origin, with
 * kafka-clients defaults for the typed keys nobody set. Secrets are masked and long values
 * shortened, so no row is wider than about {@link Limits#SHOWN_LENGTH}. Not part of the API.
 */
public final class DescribeTable {

    private DescribeTable() {}

    /**
     * Renders the table.
     *
     * @param title      the first line, e.g. {@code producer 'orders' (preset DURABLE)}
     * @param table      the client's properties
     * @param client     the client kind, for defaults
     * @param typedKeys  the kafka keys the SDK models for this client
     * @param presetName the preset name shown as {@code PRESET(name)}
     * @return the multi-line text, ending with a newline
     */
    public static String render(
            String title,
            PropertyTable table,
            KafkaKeys.Client client,
            Collection<String> typedKeys,
            String presetName) {
        TreeMap<String, String[]> rows = new TreeMap<>();
        for (PropertyTable.Entry e : table.entries()) {
            String origin = e.origin() == Origin.PRESET
                    ? "PRESET(" + presetName + ")"
                    : e.origin().name();
            rows.put(e.key(), new String[] {Limits.shorten(e.key()), e.shownValue(), origin});
        }
        for (String key : typedKeys) {
            if (!rows.containsKey(key)) {
                String def = client.defaultValue(key);
                rows.put(key, new String[] {key, def == null ? "(none)" : def, Origin.DEFAULT.name()});
            }
        }
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"PROPERTY", "VALUE", "ORIGIN"});
        all.addAll(rows.values());
        int w0 = all.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w1 = all.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (String[] r : all) {
            sb.append("  ")
                    .append(pad(r[0], w0))
                    .append("  ")
                    .append(pad(r[1], w1))
                    .append("  ")
                    .append(r[2])
                    .append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
