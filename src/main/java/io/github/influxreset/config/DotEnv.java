package io.github.influxreset.config;

import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Compose {@code .env} file by Compose's rules: {@code KEY=VALUE} lines (an optional
 * {@code export} before), blank lines and {@code #} lines ignored; an unquoted value trimmed, ending
 * at a {@code #} that follows a blank (a comment), with {@code ${VAR}} and {@code ${VAR:-default}}
 * taken from the lines above; a single-quoted value as it is; a double-quoted value with
 * {@code \n \t \r \\ \"} escapes and {@code ${VAR}}; after a closing quote, only a comment.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** The variables of the file; one that cannot be read is named in a {@code ResetException}. */
    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException | UncheckedIOException e) {
            throw ResetException.badInput("The .env file " + file + " cannot be read: " + e.getMessage() + ".",
                    "Check its permissions, or fix stack.envFile in the profile.");
        }
    }

    /** The variables of a file's text, each line read as Compose reads it. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip(), values));
        }
        return values;
    }

    private static String value(String text, Map<String, String> earlier) {
        if (text.startsWith("'")) {
            int end = text.indexOf('\'', 1);
            return end < 0 ? text : text.substring(1, end);
        }
        if (text.startsWith("\"")) {
            return doubleQuoted(text, earlier);
        }
        int comment = text.indexOf(" #");
        String bare = comment < 0 ? text : text.substring(0, comment);
        int tab = bare.indexOf("\t#");
        return interpolate((tab < 0 ? bare : bare.substring(0, tab)).strip(), earlier);
    }

    private static String doubleQuoted(String text, Map<String, String> earlier) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return interpolate(out.toString(), earlier);
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return text;
    }

    /**
     * {@code ${VAR}}, {@code ${VAR:-default}} and {@code $VAR} from the lines above (an unknown one
     * is empty); {@code $$} is a {@code $}.
     */
    private static String interpolate(String text, Map<String, String> earlier) {
        Matcher m = Pattern
                .compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group().equals("$$")) {
                m.appendReplacement(out, "\\$");
                continue;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String found = earlier.get(name);
            String replacement = found != null && !found.isEmpty() ? found : m.group(2) != null ? m.group(2) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
