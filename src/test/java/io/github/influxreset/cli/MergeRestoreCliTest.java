package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore ID --into-existing} on the in-memory stack: what a merge keeps, and its bad input. */
class MergeRestoreCliTest {
    @TempDir
    Path dir;
    TestStack stack;
    String setId;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        CliRun backup = cli("backup");
        assertEquals(0, backup.code(), backup.err());
        setId = stack.ports.backups().list().get(0);
    }

    private CliRun cli(String... args) {
        return CliRun.run(new StackCliContext(stack), "", args);
    }

    private long events() {
        return stack.influx.countPoints("home_assistant_events").getOrDefault("home_assistant_events", 0L);
    }

    @Test
    void withSkipThePointsTheBucketAlreadyHasAreKeptAndTheOnesItLostComeBack() {
        long inTheSet = events();
        stack.influx.deleteWhere("home_assistant_events", "home_assistant_events", "entity_id", "sensor.t0");
        long lost = inTheSet - events();

        CliRun merge = cli("restore", setId, "--bucket", "home_assistant_events", "--into-existing", "--on-conflict", "skip",
                "--yes");

        assertEquals(0, merge.code(), merge.err());
        assertEquals(inTheSet, events(), "nothing doubled, nothing lost");
        assertTrue(merge.err().contains(lost + " new points from the set, " + (inTheSet - lost)
                + " at a series and time it already had (kept as they were)"), merge.err());
        assertTrue(merge.out().startsWith("Merged backup set " + setId + " bucket home_assistant_events into the live buckets"),
                merge.out());
    }

    @Test
    void anUnknownConflictRuleIsNamedAndNothingChanges() {
        long before = events();

        CliRun merge = cli("restore", setId, "--into-existing", "--on-conflict", "newest", "--yes");

        assertEquals(2, merge.code());
        assertTrue(merge.err().contains("--on-conflict takes overwrite or skip, not 'newest'; nothing was changed."),
                merge.err());
        assertEquals(before, events());
        assertTrue(stack.journal().runs().isEmpty(), "no run was started");
    }

    @Test
    void aMergeTakesNoNewBucket() {
        CliRun merge = cli("restore", setId, "--bucket", "home_assistant_events", "--new-bucket", "x", "--into-existing");

        assertEquals(2, merge.code());
        assertTrue(merge.err().contains("--into-existing merges into the bucket of the same name; it takes no --new-bucket."),
                merge.err());
        assertTrue(stack.influx.buckets().stream().noneMatch(b -> b.name().equals("x")), "nothing was made");
    }
}
