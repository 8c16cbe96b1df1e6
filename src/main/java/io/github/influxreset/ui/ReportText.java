package io.github.influxreset.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's Markdown report as a person reads it on screen: headings as lines of their own with a
 * rule under them, each table's columns aligned, emphasis marks and table rules gone. The Markdown
 * itself is what "Save report…" writes.
 */
public final class ReportText {
    private ReportText() {
    }

    public static String readable(String markdown) {
        List<String> out = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|")) {
                if (!line.matches("\\|[-| :]+\\|?")) {
                    table.add(cells(line));
                }
                continue;
            }
            flush(table, out);
            if (line.startsWith("#")) {
                String title = plain(line.replaceFirst("^#+\\s*", ""));
                out.add(title);
                out.add((line.startsWith("##") ? "-" : "=").repeat(title.length()));
            } else {
                out.add(plain(line));
            }
        }
        flush(table, out);
        return String.join("\n", out).strip() + "\n";
    }

    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(plain(cell.strip().replace("\\|", "|")));
        }
        return cells;
    }

    /** The rows with every column as wide as its widest cell; a table of empty headers loses its header. */
    private static void flush(List<List<String>> table, List<String> out) {
        if (table.isEmpty()) {
            return;
        }
        if (table.get(0).stream().allMatch(String::isEmpty)) {
            table.remove(0);
        }
        int columns = table.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        table.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + Math.max(1, widths[i]) + "s  ", row.get(i)));
            }
            out.add(line.toString().stripTrailing());
        }
        table.clear();
    }

    private static String plain(String text) {
        return text.replace("**", "").replace("`", "");
    }
}
