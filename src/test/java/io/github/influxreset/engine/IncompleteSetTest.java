package io.github.influxreset.engine;

import io.github.influxreset.domain.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set is written under a name marked with its run and renamed once whole; what a kill leaves
 * half-written is removed by that run's rollback, and nothing else is.
 */
class IncompleteSetTest {
    @TempDir
    Path dir;

    @Test
    void aWholeSetLeavesNoMarkedFolderAndARollbackRemovesOnlyItsOwnHalfWrittenOne() throws Exception {
        TestStack stack = new TestStack(dir);
        Path backups = stack.profile.backups().dir();
        String id = stack.ports.backups().write(stack.docker.discover("homeiq"), "run-1", Progress.NONE);
        Path killedMine = Files.createDirectories(backups.resolve(".incomplete-run-2-20261202_013232/export"));
        Path killedOthers = Files.createDirectories(backups.resolve(".incomplete-run-3-20261202_013240/export"));
        Files.writeString(killedMine.resolve("home_assistant_events.lp.zst"), "half");

        assertEquals(List.of(id), names(backups).stream().filter(n -> !n.startsWith(".incomplete-run-2")
                && !n.startsWith(".incomplete-run-3")).toList(), "a whole set is renamed to its id");
        stack.ports.backups().removeIncomplete("run-2");

        assertFalse(Files.exists(killedMine.getParent()), "the run's half-written set is gone");
        assertTrue(Files.exists(killedOthers), "another run's is not touched");
        assertEquals(List.of(id), stack.ports.backups().list(), "the complete set stays");
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
