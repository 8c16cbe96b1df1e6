package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad situation a user meets, through {@code reset --yes}: the exit code of PRODUCT.md, one
 * sentence naming the fix (no stack trace), and nothing changed (containers, volumes, points).
 */
class BadInputCatalogTest {
    @TempDir
    Path dir;

    record Case(String name, Consumer<TestStack> breakIt, int exitCode, String sentence) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Case("Docker engine absent", s -> s.docker.setReachable(false), 1,
                        "The Docker engine at fake cannot be reached")),
                Arguments.of(new Case("InfluxDB down", s -> s.docker.containers().stream()
                        .filter(c -> c.service.equals("influxdb")).forEach(c -> c.running = false), 1,
                        "InfluxDB does not answer")),
                Arguments.of(new Case("SQLite file missing", s -> delete(s.dir.resolve("srv/data/metadata.db")), 1,
                        "metadata.db does not exist")),
                Arguments.of(new Case("SQLite file corrupt", s -> corrupt(s.dir.resolve("srv/data/metadata.db")), 1,
                        "metadata.db")),
                Arguments.of(new Case("a service is missing", s -> s.docker.containers().stream()
                        .filter(c -> c.service.equals("data-api")).findFirst().ifPresent(c -> s.docker.removeContainer(c.id)),
                        1, "no container with labels")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadSituationExitsWithOneSentenceAndChangesNothing(Case bad) throws Exception {
        TestStack stack = new TestStack(dir);
        bad.breakIt().accept(stack);
        List<String> containers = ids(stack);
        Map<String, ?> volumes = stack.docker.volumes();
        long points = stack.pointsInVolume();
        int callsBefore = stack.docker.calls().size();

        var result = io.github.influxreset.testing.CliRun.run(new StackCliContext(stack), "", "reset", "--mode", "full", "--yes");
        int code = result.code();
        String err = result.err();

        assertEquals(bad.exitCode(), code, err.toString());
        assertTrue(err.toString().contains(bad.sentence()), err.toString());
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), "no stack trace: " + err);
        assertEquals(containers, ids(stack), "containers unchanged");
        assertEquals(volumes.keySet(), stack.docker.volumes().keySet(), "volumes unchanged");
        assertEquals(points, stack.pointsInVolume(), "points unchanged");
        List<String> calls = stack.docker.calls().subList(callsBefore, stack.docker.calls().size());
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("stop") || c.startsWith("remove")), calls.toString());
    }

    private static List<String> ids(TestStack stack) {
        return stack.docker.containers().stream().map(c -> c.id + (c.running ? "+" : "-")).toList();
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void corrupt(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 100; i < bytes.length; i += 7) {
                bytes[i] = (byte) 0xA5;
            }
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
