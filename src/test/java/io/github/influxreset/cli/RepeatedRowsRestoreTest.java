package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.influxreset.testing.StackCli;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB 2.7.12 answers some rows twice after a large write, in its exports and its count(),
 * until it compacts: a set written then, a set an older version counted so, and a restore the
 * server counts so are all restored whole, and a restore short of values is still refused.
 */
class RepeatedRowsRestoreTest {
    private static final String EVENTS = "home_assistant_events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestStack stack;
    StackCli cli;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        cli = new StackCli(stack);
    }

    private String backup() throws Exception {
        assertEquals(0, cli.run("--json", "backup"), cli.err());
        return JSON.readTree(cli.out()).get("id").asText();
    }

    private long setPoints(String id) throws Exception {
        assertEquals(0, cli.run("--json", "backups", "show", id), cli.err());
        return JSON.readTree(cli.out()).get("points").asLong();
    }

    @Test
    void aSetWrittenWhileRowsComeTwiceCountsEachPointOnceAndRestoresWhole() throws Exception {
        long points = stack.pointsInVolume();
        stack.influx.answerEveryRowTwice(true);
        String id = backup();
        stack.influx.answerEveryRowTwice(false);

        assertEquals(points, setPoints(id), "the set counts each point once, as a restore stores it");
        assertEquals(0, cli.run("backups", "verify", id), cli.err());
        assertEquals(0, cli.run("reset", "--mode", "buckets", "--yes"), cli.err());
        assertEquals(0, cli.run("restore", id, "--yes"), cli.err());

        assertEquals(points, stack.pointsInVolume());
        assertTrue(cli.out().contains("50 of 50 points restored"), cli.out());
        assertFalse(cli.out().contains("read through"), "InfluxDB's count agreed at once: " + cli.out());
    }

    @Test
    void aRestoreInfluxDbCountsTwiceIsReadThroughAndPasses() throws Exception {
        long points = stack.pointsInVolume();
        String id = backup();
        assertEquals(0, cli.run("reset", "--mode", "buckets", "--yes"), cli.err());
        stack.influx.answerEveryRowTwice(true);

        assertEquals(0, cli.run("restore", id, "--yes"), cli.err());

        assertEquals(points, stack.pointsInVolume());
        assertTrue(cli.err().contains("InfluxDB counts 100 points in " + EVENTS + ", the set's manifest 50"), cli.err());
        assertTrue(cli.out().contains("50 of 50 points restored (each value read and counted once)"), cli.out());
    }

    @Test
    void aSetThatCountedRepeatedRowsAsPoints_asOlderVersionsDid_isRestoredByReadingThrough() throws Exception {
        long points = stack.pointsInVolume();
        stack.influx.answerEveryRowTwice(true);
        String id = backup();
        stack.influx.answerEveryRowTwice(false);
        Path manifest = stack.profile.backups().dir().resolve(id).resolve("manifest.json");
        ObjectNode written = (ObjectNode) JSON.readTree(manifest.toFile());
        written.withArray("buckets").forEach(b -> ((ObjectNode) b.get("points")).fieldNames().forEachRemaining(
                m -> ((ObjectNode) b.get("points")).put(m, b.get("points").get(m).asLong() * 2)));
        JSON.writeValue(manifest.toFile(), written);
        assertEquals(2 * points, setPoints(id), "as an older version counted the set");

        assertEquals(0, cli.run("reset", "--mode", "buckets", "--yes"), cli.err());
        assertEquals(0, cli.run("restore", id, "--yes"), cli.err());

        assertEquals(points, stack.pointsInVolume());
        assertTrue(cli.out().contains("50 of 50 points restored (each value read and counted once)"), cli.out());
    }

    @Test
    void aRestoreShortOfValuesIsStillRefusedAndRolledBack() throws Exception {
        String id = backup();
        assertEquals(0, cli.run("reset", "--mode", "buckets", "--yes"), cli.err());
        long afterReset = stack.pointsInVolume();
        stack.influx.answerEveryRowTwice(true);
        stack.influx.dropWrittenLinesMatching("entity_id=sensor\\.t3");

        assertEquals(3, cli.run("restore", id, "--yes"), "a step failed and was rolled back");

        assertTrue(cli.err().contains("Bucket " + EVENTS + " does not hold the values of the backup set ("
                + EVENTS + ".state_value: 40 of the set's 50 values"), cli.err());
        assertTrue(cli.err().contains("40 of 50 points restored (each value read and counted once)"), cli.err());
        assertEquals(afterReset, stack.pointsInVolume(), "rolled back to the state before the restore");
    }
}
