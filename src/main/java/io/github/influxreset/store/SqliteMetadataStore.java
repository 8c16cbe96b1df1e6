package io.github.influxreset.store;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.MetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The stack's SQLite databases. A database on this host is read through read-only connections and
 * copied with SQLite's online backup, which takes the database's locks like any other reader. A
 * database inside a service's container (its named volume or its own files) is first copied out
 * through the engine as a {@link StableCopy}, then treated like one on the host.
 */
public final class SqliteMetadataStore implements MetadataStore {
    private final DockerPort docker;
    private final String composeProject;

    /** @param docker the engine of the stack's compose project, for databases inside containers */
    public SqliteMetadataStore(DockerPort docker, String composeProject) {
        this.docker = docker;
        this.composeProject = composeProject;
    }

    @Override
    public String check(SqliteSpec database) {
        if (!database.inContainer()) {
            return checkFile(Path.of(database.hostPath()), database.describe());
        }
        try (StableCopy copy = StableCopy.of(docker, composeProject, database)) {
            return checkFile(copy.database(), database.describe()) + ", copied out of " + database.service()
                    + "'s container";
        }
    }

    @Override
    public void backupTo(SqliteSpec database, Path target) {
        if (!database.inContainer()) {
            backupFile(Path.of(database.hostPath()), database.describe(), target, true);
            return;
        }
        try (StableCopy copy = StableCopy.of(docker, composeProject, database)) {
            backupFile(copy.database(), database.describe(), target, false);
        }
    }

    @Override
    public void restore(SqliteSpec database, Path copy) {
        integrityCheck(copy);
        if (database.inContainer()) {
            restoreInContainer(database, copy);
            return;
        }
        Path file = Path.of(database.hostPath());
        try {
            Path staged = Files.createTempFile(file.toAbsolutePath().getParent(), ".restore-", ".db");
            Files.copy(copy, staged, StandardCopyOption.REPLACE_EXISTING);
            for (String companion : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(file + companion));
            }
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ResetException.problem("The SQLite database " + database.describe() + " could not be put back: "
                    + e.getMessage() + ".", "Check the folder's permissions and free space; the set's copy is unchanged.", e);
        }
        checkFile(file, database.describe());
    }

    private void restoreInContainer(SqliteSpec database, Path copy) {
        String container = docker.discover(composeProject).service(database.service()).map(c -> c.id())
                .orElseThrow(() -> ResetException.problem("Service " + database.service() + " has no container, so its "
                        + "SQLite database cannot be put back.", "Start the stack once (docker compose up -d).", null));
        for (String companion : List.of("-wal", "-shm", "-journal")) {
            docker.putFile(container, database.containerPath() + companion, null);
        }
        docker.putFile(container, database.containerPath(), copy);
        try (StableCopy back = StableCopy.of(docker, composeProject, database)) {
            if (Files.mismatch(back.database(), copy) != -1) {
                throw ResetException.problem("The SQLite database " + database.describe() + " read back from the "
                        + "container is not the set's copy.", "Try the restore again.", null);
            }
            integrityCheck(back.database());
        } catch (IOException e) {
            throw ResetException.problem("The SQLite database " + database.describe() + " could not be read back: "
                    + e.getMessage() + ".", "Try the restore again.", e);
        }
    }

    private static String checkFile(Path file, String where) {
        if (!Files.isRegularFile(file)) {
            throw ResetException.problem("The SQLite database " + where + " does not exist.",
                    "Fix sqlite in the profile.", null);
        }
        try (Connection c = open(file, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw ResetException.problem("The SQLite database " + where + " is damaged: " + result + ".",
                        "Repair it (sqlite3 .recover) or restore it from a backup before resetting.", null);
            }
            return "readable, integrity ok, " + Files.size(file) + " bytes";
        } catch (SQLException | IOException e) {
            throw ResetException.problem("The SQLite database " + where + " cannot be read: "
                    + e.getMessage() + ".", "Check the path and the file's permissions.", e);
        }
    }

    /**
     * @param readOnly open the source read-only (the stack's own file); a private copy is opened
     *                 read-write so that SQLite applies the WAL or journal copied beside it
     */
    private static void backupFile(Path source, String where, Path target, boolean readOnly) {
        if (!Files.isRegularFile(source)) {
            throw ResetException.problem("The SQLite database " + where + " does not exist.",
                    "Fix sqlite in the profile.", null);
        }
        try (Connection c = open(source, readOnly); Statement s = c.createStatement()) {
            s.executeUpdate("backup to " + target.toAbsolutePath());
        } catch (SQLException e) {
            throw ResetException.problem("The SQLite database " + where + " could not be copied: "
                    + e.getMessage() + ".", "Check the path and the free space of the backup folder.", e);
        }
        integrityCheck(target);
    }

    /** Runs {@code PRAGMA integrity_check} on a copy; throws when it is not "ok". */
    public static void integrityCheck(Path copy) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw ResetException.problem("The copy " + copy + " of the SQLite database failed its integrity check: "
                        + result + ".", "Try the backup again.", null);
            }
        } catch (SQLException e) {
            throw ResetException.problem("The copy " + copy + " cannot be opened: " + e.getMessage() + ".", "Try again.", e);
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }
}
