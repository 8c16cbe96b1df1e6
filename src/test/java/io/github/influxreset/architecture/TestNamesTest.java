package io.github.influxreset.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test that starts a real system (a Docker engine, an InfluxDB server, an SSH server) is named
 * {@code *IT} and run by failsafe after the unit tests; a {@code *Test} runs in memory.
 */
class TestNamesTest {
    private static final Path TESTS = Path.of("src/test/java");
    /** What only a real-system test uses: the Docker extension, the rigs and the real servers the tests start. */
    private static final Pattern REAL_SYSTEM = Pattern.compile("@ExtendWith\\(RequiresDocker\\.class\\)|new (?:Influxd2Process|"
            + "InfluxdProcess|SshServer|DockerDaemon|SecondEngine)\\(|RigStack\\.v2\\(|new RigStack\\(");

    @Test
    void everyTestThatStartsARealSystemIsNamedIt() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            List<String> misnamed = files.filter(f -> f.getFileName().toString().endsWith("Test.java"))
                    .filter(TestNamesTest::startsARealSystem).map(f -> TESTS.relativize(f).toString()).sorted().toList();
            assertEquals(List.of(), misnamed, "rename these to *IT (failsafe runs them)");
        }
    }

    @Test
    void theRealSystemTestsAreFoundByTheRule() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            long found = files.filter(f -> f.getFileName().toString().endsWith("IT.java"))
                    .filter(TestNamesTest::startsARealSystem).count();
            assertTrue(found >= 30, "the rule recognises the real-system tests it guards: " + found);
        }
    }

    private static boolean startsARealSystem(Path file) {
        try {
            return REAL_SYSTEM.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
