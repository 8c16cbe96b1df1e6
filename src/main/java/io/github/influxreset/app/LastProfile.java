package io.github.influxreset.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The profile the wizard used last (Java preferences of the user), so a saved first run is not
 * asked again. A remembered file that is gone is forgotten.
 */
final class LastProfile {
    private static final String KEY = "lastProfile";
    private final Preferences preferences;

    LastProfile(Preferences preferences) {
        this.preferences = preferences;
    }

    static LastProfile ofUser() {
        return new LastProfile(Preferences.userNodeForPackage(LastProfile.class));
    }

    Optional<Path> read() {
        return Optional.ofNullable(preferences.get(KEY, null)).map(Path::of).filter(Files::isRegularFile);
    }

    void remember(Path profile) {
        preferences.put(KEY, profile.toAbsolutePath().toString());
    }
}
