package io.github.influxreset.app;

import io.github.influxreset.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the wizard keeps between starts (Java preferences of the user): the profile used last, so
 * a saved first run is not asked again (a remembered file that is gone is forgotten), and the
 * theme chosen.
 */
final class UserSettings {
    private static final String LAST_PROFILE = "lastProfile";
    private static final String THEME = "theme";
    private final Preferences preferences;

    UserSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    static UserSettings ofUser() {
        return new UserSettings(Preferences.userNodeForPackage(UserSettings.class));
    }

    Optional<Path> lastProfile() {
        return Optional.ofNullable(preferences.get(LAST_PROFILE, null)).map(Path::of).filter(Files::isRegularFile);
    }

    void rememberProfile(Path profile) {
        preferences.put(LAST_PROFILE, profile.toAbsolutePath().toString());
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
