package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, item 5, as it was found on a HomeIQ-shaped rig: a service whose health URL answers 200
 * with {@code "status":"unhealthy"} while Docker's own check passes. The checks must name it before
 * anything changes, and the reset must not fail at the restart (and roll back) for its old trouble.
 */
@ExtendWith(RequiresDocker.class)
class UnhealthyServiceOnTheRigIT {
    @TempDir
    Path dir;

    @Test
    void theChecksNameItAndTheResetEndsWithItRunningAndSaid() throws Exception {
        try (RigStack rig = new RigStack(dir.resolve("rig")).start()) {
            String dataApi = rig.containerName("data-api");
            docker("exec", dataApi, "/bin/busybox", "sh", "-c", "echo '{\"status\": \"unhealthy\"}' > /www/health");
            Path home = dir.resolve("home");
            Path checkLog = dir.resolve("check.log");
            Path resetLog = dir.resolve("reset.log");

            int check = CliProcess.run(home, checkLog, null, BlackBox.args(rig, "check"));
            int reset = CliProcess.run(home, resetLog, null, BlackBox.args(rig, "reset", "--mode", "buckets", "--yes"));

            String checked = Files.readString(checkLog);
            String line = checked.lines().filter(l -> l.contains("Service data-api")).findFirst().orElse(checked);
            assertTrue(line.startsWith("WARNING") && line.contains("/health answered HTTP 200 but its reply says status "
                    + "unhealthy"), line);
            assertEquals(0, check, "a warning, not a failed check: " + checked);
            String output = Files.readString(resetLog);
            assertEquals(0, reset, output);
            assertTrue(output.contains("Service data-api: runs but is not healthy"), output);
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", dataApi));
            assertFalse(BlackBox.hasStackTrace(output), output);
        }
    }
}
