package io.github.influxreset.config;

import io.github.influxreset.domain.ResetException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reading one profile needs besides the YAML: the file's name for error messages and the
 * variables for {@code ${VAR}} and {@code ${VAR:-default}} (the environment wins over {@code .env},
 * as in Docker Compose).
 */
final class ProfileContext {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final String sourceName;
    private final Map<String, String> environment;
    private final Map<String, String> dotEnv = new HashMap<>();
    private String dotEnvName = "";

    ProfileContext(String sourceName, Map<String, String> environment) {
        this.sourceName = sourceName;
        this.environment = environment;
    }

    void useDotEnv(String name, Map<String, String> values) {
        this.dotEnvName = name;
        this.dotEnv.putAll(values);
    }

    String substitute(String text, String path) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = environment.containsKey(name) ? environment.get(name) : dotEnv.get(name);
            if (value == null) {
                value = matcher.group(2) != null ? matcher.group(3) : null;
            }
            if (value == null) {
                throw error(path, "uses variable " + name + ", which is not set in the environment"
                        + (dotEnvName.isEmpty() ? "" : " or in " + dotEnvName)
                        + "; set it, or write ${" + name + ":-default}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    ResetException error(String path, String what) {
        return ResetException.badInput("Profile " + sourceName + ": " + path + " " + what + ".",
                "Fix the profile and try again; 'profile init FILE' writes a valid example.");
    }
}
