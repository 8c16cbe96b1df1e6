package io.github.influxreset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.engine.actions.SetupInflux;
import io.github.influxreset.engine.checks.PrerequisiteChecks;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Things a new user's first run found (issue "one use-case layer…", findings 1, 4, 8, 13), each kept fixed. */
class NewUserFindingsTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private Finding finding(String subject) {
        return new PrerequisiteChecks(stack.profile, stack.ports).run().stream().filter(f -> f.subject().equals(subject))
                .findFirst().orElseThrow();
    }

    @Test
    void aStoppedInfluxDbIsAnErrorAndAStoppedServiceAWarningNeverOk() {
        stack.docker.containers().stream().filter(c -> c.service.equals("influxdb") || c.service.equals("data-api"))
                .forEach(c -> c.running = false);

        Finding influx = finding("Service influxdb");
        Finding dataApi = finding("Service data-api");

        assertEquals(Severity.ERROR, influx.severity(), influx.message());
        assertTrue(influx.message().contains("must run to be backed up") && influx.message().contains("docker start"),
                influx.message());
        assertEquals(Severity.WARNING, dataApi.severity(), dataApi.message());
        assertTrue(dataApi.message().contains("the run starts it with the others at the end"), dataApi.message());
    }

    @Test
    void theFirstSetupOfA1xServerNamesNoEmptyOrg() {
        assertEquals("Prepare the fresh InfluxDB (its first database home_assistant_events)",
                SetupInflux.of("", "home_assistant_events").describe());
        assertEquals("Set up org homeiq with its first user and token", SetupInflux.of("homeiq", "b").describe());
    }

    @Test
    void theManifestAndTheExportsAreReadableByTheOwnerOnly() throws Exception {
        CliRun backup = CliRun.run(new StackCliContext(stack), "", "backup");
        assertEquals(0, backup.code(), backup.err());
        Path set = stack.profile.backups().dir().resolve(stack.ports.backups().list().get(0));

        for (Path file : List.of(set.resolve("manifest.json"), set.resolve("export/home_assistant_events.lp.zst"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset", "restore", "rollback", "backups list", "runs close", "profile show", "check"})
    void everySubCommandAnswersHelp(String command) {
        CliRun help = CliRun.run(new StackCliContext(stack), "", (command + " --help").split(" "));

        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: influx-reset " + command), help.out());
    }
}
