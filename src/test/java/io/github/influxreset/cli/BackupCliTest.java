package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** backup, backups list/show/verify/delete/prune and restore, on the in-memory stack with real files. */
class BackupCliTest {
    @TempDir
    Path dir;
    TestStack stack;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private int run(String... args) {
        var result = io.github.influxreset.testing.CliRun.run(new io.github.influxreset.testing.StackCliContext(stack), "", args);
        out = result.out();
        err = result.err();
        return result.code();
    }

    private String backup() throws Exception {
        assertEquals(0, run("--json", "backup"), err);
        return new ObjectMapper().readTree(out).get("id").asText();
    }

    private Path set(String id) {
        return stack.profile.backups().dir().resolve(id);
    }

    @Test
    void aBackupVerifiesAndIsListedWithItsPoints() throws Exception {
        String id = backup();
        assertEquals(0, run("backups", "verify", id));
        assertTrue(out.contains("verified"), out);
        assertEquals(0, run("--json", "backups", "list"));
        JsonNode sets = new ObjectMapper().readTree(out).get("sets");
        assertEquals(id, sets.get(0).get("id").asText());
        assertEquals(stack.pointsInVolume(), sets.get(0).get("points").asLong());
        assertEquals(0, run("backups", "show", id));
        assertTrue(out.contains("bucket home_assistant_events") && out.contains("home_assistant_events=50"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"export/home_assistant_events.lp.zst", "sqlite/metadata.db", "config/.env"})
    void flippingOneByteOfAnyFileMakesVerifyExitOneNamingIt(String file) throws Exception {
        String id = backup();
        Path target = set(id).resolve(file);
        byte[] bytes = Files.readAllBytes(target);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(target, bytes);

        assertEquals(1, run("backups", "verify", id));
        assertTrue(err.contains("file " + file + " does not match its SHA-256"), err);
    }

    @Test
    void truncatedMissingAndExtraFilesAreNamed() throws Exception {
        String id = backup();
        corruptAndExpect(id, f -> truncate(f.resolve("export/weather_data.lp.zst")), "export/weather_data.lp.zst has");
        String id2 = backupLater();
        corruptAndExpect(id2, f -> delete(f.resolve("config/docker-compose.yml")), "config/docker-compose.yml is missing");
        String id3 = backupLater();
        corruptAndExpect(id3, f -> write(f.resolve("export/stray.lp.zst")), "export/stray.lp.zst is not in its manifest");
    }

    @Test
    void aBackupThatCannotFitIsRefusedBeforeAnythingIsWritten() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        stack.docker.setVolumeSize(TestStack.INFLUX_VOLUME, free);

        assertEquals(1, run("backup"));

        assertTrue(err.contains("The backup needs about") && err.contains("nothing was written"), err);
        try (var sets = Files.list(stack.profile.backups().dir())) {
            assertEquals(0, sets.count(), "no folder left behind");
        }
    }

    @Test
    void aFolderWithoutManifestIsNeverOfferedOrRestored() throws Exception {
        String id = backup();
        Files.delete(set(id).resolve("manifest.json"));
        assertEquals(0, run("backups", "list"));
        assertFalse(out.contains(id), out);
        assertEquals(2, run("restore", id, "--yes"));
        assertTrue(err.contains("no complete backup set " + id), err);
    }

    @Test
    void restoreAfterAResetBringsBackEveryPointAndComparesWithTheManifest() throws Exception {
        long before = stack.pointsInVolume();
        String id = backup();
        assertEquals(0, run("reset", "--mode", "buckets", "--yes"), err);
        assertEquals(0, stack.pointsInVolume());

        assertEquals(0, run("restore", id, "--yes"), err);

        assertEquals(before, stack.pointsInVolume());
        assertTrue(out.contains("50 of 50 points restored"), out);
    }

    /** A restore of an older set replaces newer points: the sentence names the set that keeps them, and it merges them back. */
    @Test
    void aRestoreNamesTheSetHoldingWhatItReplacedAndThatSetMergesItBack() throws Exception {
        String id = backup();
        long now = System.currentTimeMillis() * 1_000_000L;
        stack.influx.write("home_assistant_events", "home_assistant_events,entity_id=sensor.newer state_value=\"n\" " + now + "\n");
        long withNewer = stack.pointsInVolume();

        assertEquals(0, run("restore", id, "--yes"), err);

        assertEquals(withNewer - 1, stack.pointsInVolume(), "the set's state: the newer point replaced");
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("What the buckets held before, every point written "
                + "until the services stopped, is in backup set (\\S+): 'restore \\1 --into-existing' merges it back\\.")
                .matcher(out);
        assertTrue(named.find(), out);
        assertEquals(0, run("restore", named.group(1), "--into-existing", "--yes"), err);
        assertEquals(withNewer, stack.pointsInVolume(), "the newer point is back");
    }

    @Test
    void restoreFromTheVolumeSnapshotsBringsBackEveryPointAndRetention() throws Exception {
        long before = stack.pointsInVolume();
        String id = backup();
        assertEquals(0, run("reset", "--mode", "full", "--yes"), err);
        assertEquals(0, stack.pointsInVolume());

        assertEquals(0, run("restore", id, "--from", "volumes", "--yes"), err);

        assertEquals(before, stack.pointsInVolume());
        assertEquals("30d", stack.docker.volume(TestStack.INFLUX_VOLUME).buckets.get("home_assistant_events").retention.format());
        assertTrue(stack.docker.calls().contains("restore volume " + TestStack.INFLUX_VOLUME), stack.docker.calls().toString());
    }

    @Test
    void aSealedSetRestoredFromItsVolumeSnapshotsGetsItsSealedPointsBackToo() throws Exception {
        String id = backup();
        long now = System.currentTimeMillis() * 1_000_000L;
        stack.influx.write("home_assistant_events", "home_assistant_events,entity_id=sensor.late state_value=\"a\" " + now
                + "\nhome_assistant_events,entity_id=sensor.late state_value=\"b\" " + (now - 1) + "\n");
        assertEquals(2, stack.ports.backups().seal(id, io.github.influxreset.domain.Progress.NONE).values());
        long sealed = stack.pointsInVolume();
        assertEquals(0, run("reset", "--mode", "full", "--yes"), err);

        assertEquals(0, run("restore", id, "--from", "volumes", "--yes"), err);

        assertEquals(sealed, stack.pointsInVolume(), "the snapshot's points and the two the seal added");
        assertTrue(out.contains("52 of 52 points restored"), out);
    }

    @Test
    void oneBucketIntoANewNameLeavesTheOriginalAlone() throws Exception {
        String id = backup();
        assertEquals(0, run("restore", id, "--bucket", "home_assistant_events", "--new-bucket", "hae_copy"), err);
        assertEquals(50, stack.influx.countPoints("hae_copy").get("home_assistant_events"));
        assertEquals(50, stack.influx.countPoints("home_assistant_events").get("home_assistant_events"));
        assertEquals(2, run("restore", id, "--bucket", "home_assistant_events", "--new-bucket", "hae_copy"));
        assertTrue(err.contains("already exists"), err);
    }

    @Test
    void aCorruptSetIsRefusedBeforeAnythingChanges() throws Exception {
        String id = backup();
        truncate(set(id).resolve("export/home_assistant_events.lp.zst"));
        long before = stack.pointsInVolume();

        assertEquals(2, run("restore", id, "--yes"), "refused before any change: bad input");

        assertTrue(err.contains("failed verification"), err);
        assertEquals(before, stack.pointsInVolume());
        assertTrue(stack.docker.calls().stream().noneMatch(c -> c.startsWith("stop")), stack.docker.calls().toString());
    }

    @Test
    void pruneKeepsTheNewestAndDeleteAsksFirst() throws Exception {
        String first = backup();
        String second = backupLater();
        String third = backupLater();
        assertEquals(2, run("backups", "delete", first), "not confirmed without --yes");
        assertTrue(Files.exists(set(first)));

        assertEquals(0, run("backups", "prune", "--keep", "2", "--yes"));

        assertFalse(Files.exists(set(first)));
        assertTrue(Files.exists(set(second)) && Files.exists(set(third)));
        assertEquals(0, run("backups", "delete", second, "--yes"));
        assertFalse(Files.exists(set(second)));
    }

    private String backupLater() throws Exception {
        String previous = stack.ports.backups().list().get(0);
        String id = backup();
        assertFalse(previous.equals(id));
        return id;
    }

    private void corruptAndExpect(String id, Consumer<Path> corrupt, String expected) {
        corrupt.accept(set(id));
        assertEquals(1, run("backups", "verify", id));
        assertTrue(err.contains(expected), err);
    }

    private static void truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "stray");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
