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

    private boolean onServer(String bucket) {
        return stack.influx.buckets().stream().anyMatch(b -> b.name().equals(bucket));
    }

    /**
     * Issue 31, item 2: the set of a reset's rollback holds empty new buckets the old server never had,
     * and a bucket the server lacks now: the merge makes what has points, skips what has none, exit 0.
     */
    @Test
    void aBucketTheServerLacksIsMadeFromTheSetAndAnEmptyOneIsSkipped() throws Exception {
        stack.influx.createBucket(new io.github.influxreset.domain.BucketSpec("made_by_the_reset",
                io.github.influxreset.domain.Retention.ofSeconds(30L * 86_400)));
        CliRun backup = cli("backup");
        assertEquals(0, backup.code(), backup.err());
        String withEmpty = stack.ports.backups().list().stream().filter(id -> !id.equals(setId)).findFirst().orElseThrow();
        long inTheSet = events();
        stack.influx.deleteBucket("made_by_the_reset");
        stack.influx.deleteBucket("home_assistant_events");

        CliRun merge = cli("restore", withEmpty, "--into-existing", "--yes");

        assertEquals(0, merge.code(), merge.err());
        assertEquals(inTheSet, events(), "the bucket the server lacked, made from the set");
        assertTrue(!onServer("made_by_the_reset"), "a bucket the set holds empty is not made");
        assertTrue(merge.err().contains("Bucket made_by_the_reset of backup set " + withEmpty + " holds no point: nothing to "
                + "merge, and no bucket of that name is made."), merge.err());
    }

    /**
     * Issue 31, item 2: a merge that made a bucket the server lacked, then failed on a later one (a
     * server that loses points): its rollback deletes the bucket it made and puts back the ones it
     * merged into, touching nothing else, and ends rolled back (exit 3), with no run left open.
     */
    @Test
    void aFailedMergeUndoesOnlyWhatItChangedAndEndsRolledBack() throws Exception {
        for (String bucket : java.util.List.of("made_by_the_reset", "zz_later")) {
            stack.influx.createBucket(new io.github.influxreset.domain.BucketSpec(bucket,
                    io.github.influxreset.domain.Retention.ofSeconds(30L * 86_400)));
            stack.influx.write(bucket, "m,entity_id=" + bucket + " value=1 " + System.currentTimeMillis() * 1_000_000L + "\n");
        }
        assertEquals(0, cli("backup").code());
        String set = stack.ports.backups().list().stream().filter(id -> !id.equals(setId)).findFirst().orElseThrow();
        stack.influx.deleteBucket("made_by_the_reset");
        stack.influx.deleteWhere("zz_later", "m", "entity_id", "zz_later");
        long before = events();
        stack.influx.dropWrittenLinesMatching("entity_id=zz_later");

        CliRun merge = cli("restore", set, "--into-existing", "--yes");

        assertEquals(3, merge.code(), merge.err());
        assertTrue(merge.err().contains("made from backup set " + set), "the bucket was made before the failure: " + merge.err());
        assertEquals(before, events(), "the bucket merged into, as it was before the merge");
        assertTrue(!onServer("made_by_the_reset"), "the bucket the merge made is gone again");
        assertTrue(stack.journal().unfinishedRun().isEmpty(), "no run left open to block the next");
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
