package io.github.influxreset.app;

import io.github.influxreset.ui.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads whether the desktop is set to dark: GNOME's colour scheme or GTK theme on Linux, the
 * interface style on macOS, the apps' theme in the Windows registry. Empty where it cannot be read.
 * Runs a short command, so call it off the UI thread.
 */
final class SystemTheme {
    private static final long COMMAND_TIMEOUT_SECONDS = 2;

    private SystemTheme() {
    }

    static Optional<Theme> detect(Map<String, String> environment, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").flatMap(SystemTheme::fromWindowsRegistry);
        }
        if (os.contains("mac")) {
            return Optional.of(fromMacInterfaceStyle(run("defaults", "read", "-g", "AppleInterfaceStyle").orElse("")));
        }
        Optional<Theme> gtk = fromGtkTheme(environment.getOrDefault("GTK_THEME", ""));
        if (gtk.isPresent()) {
            return gtk;
        }
        return run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").flatMap(SystemTheme::fromColorScheme)
                .or(() -> run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").flatMap(SystemTheme::fromGtkTheme));
    }

    /** {@code 'prefer-dark'} is dark, {@code 'prefer-light'} light; {@code 'default'} says nothing. */
    static Optional<Theme> fromColorScheme(String output) {
        String value = output.strip().replace("'", "");
        return switch (value) {
            case "prefer-dark" -> Optional.of(Theme.DARK);
            case "prefer-light" -> Optional.of(Theme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** A GTK theme named like {@code Adwaita-dark} or {@code Adwaita:dark} is dark; another named one is light. */
    static Optional<Theme> fromGtkTheme(String name) {
        String value = name.strip().replace("'", "").toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.contains("dark") ? Theme.DARK : Theme.LIGHT);
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} is dark. */
    static Optional<Theme> fromWindowsRegistry(String output) {
        for (String line : output.lines().toList()) {
            List<String> parts = List.of(line.strip().split("\\s+"));
            if (parts.size() == 3 && parts.get(0).equals("AppsUseLightTheme")) {
                return Optional.of(parts.get(2).equals("0x0") ? Theme.DARK : Theme.LIGHT);
            }
        }
        return Optional.empty();
    }

    /** macOS prints {@code Dark} in dark mode and fails (prints nothing) in light mode. */
    static Theme fromMacInterfaceStyle(String output) {
        return output.strip().equalsIgnoreCase("Dark") ? Theme.DARK : Theme.LIGHT;
    }

    private static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
