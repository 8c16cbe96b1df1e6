package io.github.influxreset.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each app folder remembers its own last profile (issue 15, finding 10); a file that is gone is forgotten. */
class UserSettingsTest {
    @TempDir
    Path dir;

    @Test
    void twoHomesRememberTheirOwnProfileAndAVanishedOneIsForgotten() throws Exception {
        Preferences preferences = Preferences.userRoot().node("influx-reset-test-" + System.nanoTime());
        try {
            UserSettings first = new UserSettings(preferences, new AppHome(dir.resolve("home-a")));
            UserSettings second = new UserSettings(preferences, new AppHome(dir.resolve("home-b")));
            Path profile = Files.writeString(dir.resolve("homeiq.yaml"), "name: homeiq\n");

            first.rememberProfile(profile);

            assertEquals(Optional.of(profile.toAbsolutePath()), first.lastProfile());
            assertEquals(Optional.empty(), second.lastProfile(), "another INFLUX_RESET_HOME remembers nothing of it");
            Files.delete(profile);
            assertEquals(Optional.empty(), first.lastProfile(), "a remembered file that is gone is forgotten");
        } finally {
            preferences.removeNode();
        }
    }
}
