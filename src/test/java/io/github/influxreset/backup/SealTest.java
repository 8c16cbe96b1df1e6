package io.github.influxreset.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SealOutcome;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealing a set after the services stopped: only what they wrote since the set is exported (its
 * cost follows that, not the set), and the set then reads, counts and verifies as it stood at the
 * stop. Real store and files, in-memory InfluxDB.
 */
class SealTest {
    private static final String EVENTS = "home_assistant_events";
    @TempDir
    Path dir;
    TestStack stack;
    BackupStore backups;
    String set;
    long before;

    @BeforeEach
    void writeASet() throws Exception {
        stack = new TestStack(dir);
        backups = stack.ports.backups();
        set = backups.write(stack.ports.docker().discover(stack.profile.stack().composeProject()), "run-1", Progress.NONE);
        before = backups.info(set).totalPoints();
    }

    @Test
    void aSetNothingWasWrittenAfterIsLeftAsItIs() {
        SealOutcome outcome = backups.seal(set, Progress.NONE);

        assertFalse(outcome.changed(), outcome.changes().toString());
        assertFalse(Files.exists(dir.resolve("backups").resolve(set).resolve("seal")));
        assertTrue(backups.info(set).sealed().isEmpty());
    }

    @Test
    void onlyTheValuesStampedSinceTheSetAreExportedAndTheSetReadsAsAtTheStop() {
        stack.influx.write(EVENTS, late(7, "sensor.late"));

        SealOutcome outcome = backups.seal(set, Progress.NONE);

        assertEquals(7, outcome.values(), "the 7 new values, not the " + before + " the set held");
        assertEquals(List.of(EVENTS), outcome.grown());
        assertEquals(before + 7, backups.info(set).totalPoints());
        assertTrue(backups.info(set).sealed().isPresent());
        assertEquals(Map.of("normalized_value", 50L, "state_value", 57L), fieldsOf(backups.fieldValues(set, EVENTS).orElseThrow()));
        List<String> lines = lines(EVENTS);
        assertEquals(57, lines.size(), "each point once: the set's and the seal's never overlap");
        assertEquals(57, new HashSet<>(lines).size());
        backups.verify(set);
    }

    @Test
    void oldValuesThatArrivedLateMakeTheSealExportTheWholeBucket() {
        stack.influx.write(EVENTS, "home_assistant_events,entity_id=late state_value=\"w\" 1700000009000000000\n");

        SealOutcome outcome = backups.seal(set, Progress.NONE);

        assertEquals(101, outcome.values(), "the whole bucket: 51 points, 101 values");
        assertEquals(51, lines(EVENTS).size());
        backups.verify(set);
    }

    /** A 2.x buckets reset seals after the restart, from the buckets it renamed aside at the stop. */
    @Test
    void aBucketSetAsideIsSealedUnderItsOwnNameAndTheNewOneOfThatNameIsLeftOut() {
        stack.influx.write(EVENTS, late(7, "sensor.late"));
        String aside = EVENTS + ".before-run-1";
        stack.influx.renameBucket(stack.influx.bucketIds().get(EVENTS), aside);
        stack.influx.createBucket(stack.profile.bucket(EVENTS).orElseThrow());
        stack.influx.write(EVENTS, late(3, "sensor.after-the-restart"));

        SealOutcome outcome = backups.seal(set, Map.of(EVENTS, aside), Progress.NONE);

        assertEquals(7, outcome.values(), "the 7 values written before the stop, none of the new bucket's 3");
        assertEquals(List.of(EVENTS), outcome.grown());
        List<String> lines = lines(EVENTS);
        assertEquals(57, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.contains("sensor.after-the-restart")), "nothing of the new bucket");
        assertTrue(backups.sealedBuckets(set).equals(List.of(EVENTS)), "sealed under the bucket's own name, not " + aside);
        backups.verify(set);
    }

    @Test
    void aSecondSealReplacesTheFirstAndCountsOnlyOnce() {
        stack.influx.write(EVENTS, late(3, "sensor.late"));
        backups.seal(set, Progress.NONE);
        stack.influx.write(EVENTS, late(5, "sensor.later"));

        SealOutcome outcome = backups.seal(set, Progress.NONE);

        assertEquals(8, outcome.values());
        assertEquals(before + 8, backups.info(set).totalPoints());
        assertEquals(58, lines(EVENTS).size());
        backups.verify(set);
    }

    @Test
    void aChangedSealFileFailsVerificationNamingIt() throws Exception {
        stack.influx.write(EVENTS, late(2, "sensor.late"));
        backups.seal(set, Progress.NONE);
        Path file = dir.resolve("backups").resolve(set).resolve("seal/export/" + EVENTS + ".lp.zst");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        ResetException failed = assertThrows(ResetException.class, () -> backups.verify(set));

        assertTrue(failed.getMessage().contains("seal/export/" + EVENTS + ".lp.zst"), failed.getMessage());
    }

    @Test
    void aSealCutOffWhileWrittenLeavesTheSetAsItWas() throws Exception {
        Path cutOff = Files.createDirectories(dir.resolve("backups").resolve(set).resolve(".seal-incomplete/export"));
        Files.writeString(cutOff.resolve(EVENTS + ".lp.zst"), "half a file");

        backups.verify(set);
        assertEquals(before, backups.info(set).totalPoints());
        assertEquals(50, lines(EVENTS).size());
    }

    /** Points a service writes while the stack runs, stamped now: one value each. */
    private static String late(int count, String entity) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(EVENTS).append(",entity_id=").append(entity).append(" state_value=\"").append(i).append("\" ")
                    .append(now - i * 1_000_000L).append('\n');
        }
        return lines.toString();
    }

    private List<String> lines(String bucket) {
        List<String> lines = new ArrayList<>();
        backups.exportLines(set, bucket, lines::add);
        return lines;
    }

    private static Map<String, Long> fieldsOf(Map<String, Map<String, Long>> values) {
        return values.get(EVENTS);
    }
}
