package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.app.MachineStackFinder;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.checks.PrerequisiteChecks;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite where HomeIQ keeps it: data-api's metadata.db inside the named volume sqlite-data (WAL
 * mode, rows still in the WAL) and sports-data's webhooks.db in a bind mount. Found by the first
 * run, checked, copied consistently into every set while a writer uses it, never touched by a reset.
 */
@ExtendWith(RequiresDocker.class)
class SqliteInVolumeIT {
    @TempDir
    Path dir;
    RigStack rig;
    AppContext app;
    Ports ports;

    @BeforeEach
    void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
        ports = app.ports(rig.profile);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theFirstRunFindsTheDatabaseInTheNamedVolumeAndTheOneInTheBindMount() {
        ComposeProject project = ports.docker().composeProjects().stream().filter(p -> p.name().equals(rig.project))
                .findFirst().orElseThrow();

        List<SqliteSpec> inVolumes = MachineStackFinder.volumeDatabases(ports.docker(), project);
        var draft = new io.github.influxreset.config.StackGuesser(dir).guess(project, inVolumes);

        assertEquals(List.of(SqliteSpec.inService("data-api", "/app/data/metadata.db"),
                SqliteSpec.onHost(rig.dir.resolve("data/webhooks.db").toString())), draft.sqlite());
    }

    @Test
    void theChecksReadBothDatabasesAndNameTheOneThatIsNotThere() {
        List<Finding> findings = new PrerequisiteChecks(rig.profile, ports).run();
        Finding inVolume = finding(findings, "SQLite data-api:/app/data/metadata.db");
        assertEquals(Severity.OK, inVolume.severity(), inVolume.message());
        assertTrue(inVolume.message().contains("copied out of data-api's container"), inVolume.message());
        assertEquals(Severity.OK, finding(findings, "SQLite " + rig.dir.resolve("data/webhooks.db")).severity());

        var wrong = SqliteSpec.inService("data-api", "/app/data/metadta.db");
        var error = org.junit.jupiter.api.Assertions.assertThrows(io.github.influxreset.domain.ResetException.class,
                () -> ports.metadata().check(wrong));
        assertTrue(error.getMessage().contains("does not exist in data-api's container"), error.getMessage());
    }

    @Test
    void aBackupHoldsBothDatabasesWithTheRowsThatWereOnlyInTheWal() throws Exception {
        CliRun backup = cli("backup");

        assertEquals(0, backup.code(), backup.err());
        Path set = onlySet();
        assertEquals(RigStack.DEVICES, count(set.resolve("sqlite/metadata.db"), "devices"),
                "every device, the ones committed only to the WAL too");
        assertEquals(1, count(set.resolve("sqlite/webhooks.db"), "webhooks"));
        SqliteMetadataStore.integrityCheck(set.resolve("sqlite/metadata.db"));
        assertFalse(Files.exists(set.resolve("sqlite/metadata.db-wal")), "the copy is one self-contained file");
        assertTrue(cli("backups", "verify", set.getFileName().toString()).code() == 0, "hashed in the manifest");
    }

    @Test
    void aCopyTakenWhileTheServiceWritesIsConsistentAndHoldsWhatWasCommittedBefore() throws Exception {
        Path live = volumeFolder().resolve("metadata.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> write(live, writing, written), "sqlite-writer");
        writer.start();
        try {
            awaitWrites(written, 5);
            int before = written.get();
            Path copy = dir.resolve("copy.db");

            ports.metadata().backupTo(rig.profile.sqlite().get(0), copy);

            long devices = count(copy, "devices");
            assertTrue(devices >= RigStack.DEVICES + before, devices + " devices, " + before + " written before the copy");
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void aFullResetLeavesTheVolumesDatabaseByteForByteAsItWas() throws Exception {
        byte[] database = rig.sqliteVolumeFile("metadata.db");
        byte[] wal = rig.sqliteVolumeFile("metadata.db-wal");

        CliRun reset = cli("reset", "--mode", "full", "--yes");

        assertEquals(0, reset.code(), reset.err());
        assertArrayEquals(database, rig.sqliteVolumeFile("metadata.db"));
        assertArrayEquals(wal, rig.sqliteVolumeFile("metadata.db-wal"));
        assertEquals(RigStack.DEVICES, count(onlySet().resolve("sqlite/metadata.db"), "devices"));
    }

    @Test
    void aSetsCopyIsPutBackIntoTheNamedVolumeWithTheServiceStopped() throws Exception {
        assertEquals(0, cli("backup").code());
        String setId = app.ports(rig.profile).backups().list().get(0);
        Path live = volumeFolder().resolve("metadata.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM devices");
        }
        assertEquals(0, count(live, "devices"));

        CliRun restore = cli("restore", setId, "--sqlite", "--yes");

        assertEquals(0, restore.code(), restore.err());
        assertArrayEquals(Files.readAllBytes(rig.profile.backups().dir().resolve(setId).resolve("sqlite/metadata.db")),
                rig.sqliteVolumeFile("metadata.db"), "the set's copy, byte for byte");
        assertEquals(0, rig.sqliteVolumeFile("metadata.db-wal").length, "no stale WAL left to apply over it");
        assertEquals(RigStack.DEVICES, countInVolume());
        assertEquals("running", docker("inspect", "--format", "{{.State.Status}}", rig.containerName("data-api")).strip());
    }

    @Test
    void aServiceLeftPausedByAKilledCopyIsReadAndUnpaused() {
        docker("pause", rig.containerName("data-api"));

        CliRun check = cli("check");

        assertTrue(check.out().contains("SQLite data-api:/app/data/metadata.db"), check.out());
        assertEquals("running", docker("inspect", "--format", "{{.State.Status}}", rig.containerName("data-api")).strip());
        assertEquals(RigStack.DEVICES, countInVolume());
    }

    private long countInVolume() {
        Path copy = dir.resolve("in-volume.db");
        ports.metadata().backupTo(rig.profile.sqlite().get(0), copy);
        try {
            return count(copy, "devices");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The volume's folder on this host, where a writer beside the service can use SQLite's own locks. */
    private Path volumeFolder() {
        Path folder = Path.of(docker("volume", "inspect", "--format", "{{.Mountpoint}}", rig.sqliteVolume).strip());
        assumeTrue(Files.isWritable(folder), "the volume's folder " + folder + " cannot be written by this user "
                + "(not root, or a remote engine): the writer beside the service needs it");
        return folder;
    }

    /** Ten devices a second: far more than a home's metadata database sees, yet with quiet moments. */
    private static final long WRITE_EVERY_NANOS = 100_000_000L;

    private static void write(Path database, AtomicBoolean writing, AtomicInteger written) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            for (int i = 0; writing.get(); i++) {
                s.executeUpdate("INSERT INTO devices VALUES ('live" + i + "', 'Live " + i + "', 'Acme')");
                written.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(WRITE_EVERY_NANOS);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitWrites(AtomicInteger written, int atLeast) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (written.get() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "the writer wrote " + written.get() + " rows in 30 s");
            Thread.onSpinWait();
        }
    }

    private static long count(Path database, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private Path onlySet() throws Exception {
        try (var sets = Files.list(rig.profile.backups().dir())) {
            List<Path> found = sets.filter(Files::isDirectory).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static Finding finding(List<Finding> findings, String subject) {
        return findings.stream().filter(f -> f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " not in " + findings));
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--profile";
        all[1] = rig.profile.source().orElseThrow().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(app, "", all);
    }
}
