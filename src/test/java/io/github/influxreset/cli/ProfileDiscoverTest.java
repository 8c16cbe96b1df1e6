package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ServiceSpec;
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

/** {@code profile discover [PROJECT] FILE}: the first run's profile from the command line. */
class ProfileDiscoverTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        stack.labelAsCompose();
    }

    private CliRun cli(String... args) {
        return CliRun.run(new StackCliContext(stack), "", args);
    }

    @Test
    void theProjectRunningInfluxDbIsWrittenWithEveryGuessAndItsSourceAndNoSecret() throws Exception {
        Path file = dir.resolve("discovered.yaml");

        CliRun run = cli("profile", "discover", file.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Profile of compose project homeiq, as guessed:"), run.out());
        assertTrue(run.out().contains("Token from INFLUXDB_TOKEN of the .env file"), run.out());
        assertTrue(run.out().contains("Services start in this order"), run.out());
        assertTrue(run.out().contains("Schema: Read 2 measurement(s) from the live data"), run.out());
        assertTrue(run.out().contains("  brief     : does not declare this measurement"), run.out());
        String text = Files.readString(file);
        assertTrue(text.contains("${INFLUXDB_TOKEN}"), text);
        assertFalse(text.contains(TestStack.TOKEN) || run.out().contains(TestStack.TOKEN), "the token is never written out");
        Profile profile = new ProfileLoader(Map.of("INFLUXDB_TOKEN", "t", "INFLUXDB_PASSWORD", "p"), dir).load(file);
        assertEquals("homeiq", profile.stack().composeProject());
        assertEquals(stack.profile.services().stream().map(ServiceSpec::name).sorted().toList(),
                profile.services().stream().map(ServiceSpec::name).sorted().toList());
        assertEquals(List.of("home_assistant_events", "weather"), profile.schema().stream().map(m -> m.measurement()).toList(),
                "the schema the live data has");
    }

    @Test
    void aProjectThatIsNotThereIsNamedWithTheOnesThatAreAndNothingIsWritten() {
        Path file = dir.resolve("discovered.yaml");

        CliRun run = cli("profile", "discover", "homeiq-typo", file.toString());

        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("The Docker engine has no compose project 'homeiq-typo' (projects: homeiq, mqtt)"),
                run.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void anExistingFileIsLeftAsItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), "name: mine\n");

        CliRun run = cli("profile", "discover", "homeiq", file.toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("already exists and was left as it is"), run.err());
        assertEquals("name: mine\n", Files.readString(file));
    }
}
