package io.github.influxreset.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole reset on the real stack with a known token and password (from the stack's .env), then
 * every log file, report, the journal and every manifest is searched for them: none may hold them.
 */
@ExtendWith(RequiresDocker.class)
class SecretsIT {
    private static final String TOKEN = "tok-8f3a-never-print-me";
    private static final String PASSWORD = "pw-5c1e-never-print-me";
    @TempDir
    Path dir;

    @Test
    void noSecretAppearsInLogsReportsJournalOrManifests() throws Exception {
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            Path env = dir.resolve("rig/.env");
            Files.writeString(env, "INFLUX_TOKEN=" + TOKEN + "\nINFLUX_PASSWORD=" + PASSWORD + "\n");
            Path profile = rig.profile.source().orElseThrow();
            String yaml = Files.readString(profile)
                    .replace("stack: {composeProject: " + rig.project + ",", "stack: {composeProject: " + rig.project
                            + ", envFile: " + env + ",")
                    .replace("influx: {version: 1,", "influx: {version: 1, username: admin, password: '${INFLUX_PASSWORD}',"
                            + " token: '${INFLUX_TOKEN}',");
            Files.writeString(profile, yaml);
            Path home = dir.resolve("home");
            Path output = dir.resolve("output.txt");

            assertEquals(0, CliProcess.run(home, output, null, List.of("--profile", profile.toString(), "reset", "--mode",
                    "full", "--yes")), Files.readString(output));
            assertEquals(0, CliProcess.run(home, output, null, List.of("--profile", profile.toString(), "--json",
                    "profile", "show")));

            List<Path> searched = new ArrayList<>(List.of(output, home.resolve("journal.db")));
            searched.addAll(files(home.resolve("logs")));
            searched.addAll(files(home.resolve("reports")));
            files(dir.resolve("rig/backups")).stream().filter(p -> p.getFileName().toString().equals("manifest.json"))
                    .forEach(searched::add);
            assertTrue(searched.stream().anyMatch(p -> p.toString().endsWith(".md")), "a report was written: " + searched);
            assertTrue(searched.stream().anyMatch(p -> p.toString().endsWith(".html")), "and as HTML: " + searched);
            assertTrue(searched.stream().anyMatch(p -> p.toString().endsWith(".log")), "a log was written: " + searched);
            for (Path file : searched) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(TOKEN), "the token is in " + file);
                assertFalse(content.contains(PASSWORD), "the password is in " + file);
            }
        }
    }

    private static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
