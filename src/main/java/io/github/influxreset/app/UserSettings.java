package io.github.influxreset.app;

import io.github.influxreset.ui.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the wizard keeps between starts: the profile used last, in the app's folder (so that each
 * {@code INFLUX_RESET_HOME} remembers its own; a remembered file that is gone is forgotten), and the
 * theme chosen, in the user's Java preferences.
 */
final class UserSettings {
    private static final String LAST_PROFILE_FILE = "last-profile";
    private static final String THEME = "theme";
    private final Preferences preferences;
    private final Path lastProfileFile;

    UserSettings(Preferences preferences, AppHome home) {
        this.preferences = preferences;
        this.lastProfileFile = home.dir().resolve(LAST_PROFILE_FILE);
    }

    static UserSettings of(AppHome home) {
        return new UserSettings(Preferences.userNodeForPackage(UserSettings.class), home);
    }

    Optional<Path> lastProfile() {
        try {
            return Files.isRegularFile(lastProfileFile) ? Optional.of(Path.of(Files.readString(lastProfileFile).strip()))
                    .filter(Files::isRegularFile) : Optional.empty();
        } catch (IOException | InvalidPathException unreadable) {
            return Optional.empty();
        }
    }

    /** Best effort: a folder that cannot be written only means the next start asks again. */
    void rememberProfile(Path profile) {
        try {
            Files.createDirectories(lastProfileFile.getParent());
            Path temporary = lastProfileFile.resolveSibling(LAST_PROFILE_FILE + ".tmp");
            Files.writeString(temporary, profile.toAbsolutePath() + "\n");
            Files.move(temporary, lastProfileFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException notWritable) {
            // remembered nothing; the wizard still works
        }
    }

    Theme.Choice themeChoice() {
        try {
            return Theme.Choice.valueOf(preferences.get(THEME, Theme.Choice.SYSTEM.name()));
        } catch (IllegalArgumentException unknown) {
            return Theme.Choice.SYSTEM;
        }
    }

    void rememberThemeChoice(Theme.Choice choice) {
        preferences.put(THEME, choice.name());
    }
}
