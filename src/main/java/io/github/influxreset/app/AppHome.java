package io.github.influxreset.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the application keeps its journal and logs: {@code INFLUX_RESET_HOME}, else
 * {@code $XDG_DATA_HOME/influx-reset}, else {@code ~/.local/share/influx-reset}.
 */
public record AppHome(Path dir) {
    public static AppHome fromEnvironment(Map<String, String> env, Path userHome) {
        String explicit = env.get("INFLUX_RESET_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new AppHome(Path.of(explicit));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
        return new AppHome(data.resolve("influx-reset"));
    }

    public Path journal() {
        return dir.resolve("journal.db");
    }

    /** The run locks, one file per stack. */
    public Path locks() {
        return dir.resolve("locks");
    }

    public Path reports() {
        return dir.resolve("reports");
    }

    /** Profiles the first run saved. */
    public Path profiles() {
        return dir.resolve("profiles");
    }

    public Path logs() {
        return dir.resolve("logs");
    }
}
