package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore ID --sqlite} on the in-memory stack, whose metadata database is a file on the host. */
class RestoreSqliteCliTest {
    @TempDir
    Path dir;
    TestStack stack;
    Path database;
    String setId;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        database = dir.resolve("srv/data/metadata.db");
        assertEquals(0, cli("backup").code());
        setId = stack.ports.backups().list().get(0);
    }

    private CliRun cli(String... args) {
        return CliRun.run(new StackCliContext(stack), "", args);
    }

    private long rows() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void theSetsCopyReplacesTheDatabaseAndAStaleWalIsGone() throws Exception {
        long before = rows();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE written_since (id INTEGER)");
        }
        Path wal = Path.of(database + "-wal");
        Files.write(wal, new byte[] {1, 2, 3});

        CliRun restore = cli("restore", setId, "--sqlite", "--yes");

        assertEquals(0, restore.code(), restore.err());
        assertEquals(before, rows(), "as the set holds it");
        assertFalse(Files.exists(wal), "a WAL of the replaced file would be applied to the restored one");
        assertTrue(restore.out().startsWith("Put the SQLite databases of backup set " + setId + " back"), restore.out());
        assertEquals(RunStatus.SUCCEEDED, stack.journal().runs().get(0).status());
        String runSet = stack.journal().runs().get(0).backupId();
        assertTrue(Files.isRegularFile(stack.profile.backups().dir().resolve(runSet).resolve("sqlite/metadata.db")),
                "the database as it was before the restore is in the run's own set");
    }

    @Test
    void sqliteTakesNoBucketAndNothingChanges() throws Exception {
        long before = rows();

        CliRun restore = cli("restore", setId, "--sqlite", "--bucket", "home_assistant_events", "--new-bucket", "x");

        assertEquals(2, restore.code());
        assertTrue(restore.err().contains("--sqlite puts the SQLite databases back and nothing else"), restore.err());
        assertEquals(before, rows());
        assertTrue(stack.journal().runs().isEmpty());
    }
}
