package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile learn FILE}: the live schema beside the profile's, written as a profile that validates clean. */
class ProfileLearnTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private CliRun cli(String... args) {
        return CliRun.run(new StackCliContext(stack), "", args);
    }

    @Test
    void theLiveSchemaIsPrintedBesideTheProfilesAndWrittenAsAProfileThatValidatesClean() throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append("home_assistant_events,entity_id=light.l,domain=light,area_id=hall state_value=\"on\",attr_k").append(i)
                    .append("=").append(i).append(".5 ").append(now - i).append('\n');
        }
        stack.influx.write("home_assistant_events", lines.toString());
        Path file = dir.resolve("learned.yaml");
        Path source = stack.profile.source().orElseThrow();

        CliRun run = cli("--profile", source.toString(), "profile", "learn", file.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("home_assistant_events (bucket home_assistant_events):"), run.out());
        assertTrue(run.out().contains("only in the live data: attr_*\n"), run.out());
        assertTrue(run.out().contains("only in the profile (never written):"), run.out());
        String text = Files.readString(file);
        assertFalse(text.contains(TestStack.TOKEN), "no secret is written out");
        Profile learned = new ProfileLoader(Map.of("INFLUXDB_TOKEN", TestStack.TOKEN, "INFLUXDB_PASSWORD", TestStack.PASSWORD),
                dir).load(file);
        MeasurementSchema events = learned.schema().stream().filter(s -> s.measurement().equals("home_assistant_events"))
                .findFirst().orElseThrow();
        assertEquals(List.of("area_id", "domain", "entity_id"), events.tags());
        assertEquals(FieldType.FLOAT, events.fieldPattern("attr_k9").orElseThrow().type().orElseThrow());
        assertTrue(cli("--profile", source.toString(), "validate").out().contains("extra field attr_k0"),
                "the profile it was learned from reports the made-up keys as drift");
        CliRun validate = cli("--profile", file.toString(), "validate");
        assertFalse(validate.out().contains(" field ") || validate.out().contains(" tag "), "no schema drift: " + validate.out());
    }

    @Test
    void bucketsWithoutDataAreSaidAndNothingIsWritten() throws Exception {
        stack.docker.volume(TestStack.INFLUX_VOLUME).buckets.values().forEach(b -> b.points.clear());
        Path file = dir.resolve("learned.yaml");

        CliRun run = cli("profile", "learn", file.toString());

        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("hold no data yet, so there is no live schema to learn"), run.err());
        assertFalse(Files.exists(file));
    }
}
