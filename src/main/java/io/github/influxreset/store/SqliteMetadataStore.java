package io.github.influxreset.store;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The stack's SQLite metadata database on the host. Reading never changes it: connections are
 * read-only. {@link #backupTo} takes a consistent copy through SQLite's online backup.
 */
public final class SqliteMetadataStore implements MetadataStore {
    private final Path file;

    public SqliteMetadataStore(Path file) {
        this.file = file;
    }

    @Override
    public String check() {
        if (!Files.isRegularFile(file)) {
            throw ResetException.problem("The SQLite metadata database " + file + " does not exist.",
                    "Fix sqlite.path in the profile.", null);
        }
        try (Connection c = readOnly(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw ResetException.problem("The SQLite metadata database " + file + " is damaged: " + result + ".",
                        "Repair it (sqlite3 .recover) or restore it from a backup before resetting.", null);
            }
            return "readable, integrity ok, " + Files.size(file) + " bytes";
        } catch (SQLException | java.io.IOException e) {
            throw ResetException.problem("The SQLite metadata database " + file + " cannot be read: "
                    + e.getMessage() + ".", "Check the path and the file's permissions.", e);
        }
    }

    @Override
    public void backupTo(Path target) {
        try (Connection c = readOnly(); Statement s = c.createStatement()) {
            s.executeUpdate("backup to " + target.toAbsolutePath());
        } catch (SQLException e) {
            throw ResetException.problem("The SQLite metadata database " + file + " could not be copied: "
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
                throw ResetException.problem("The copy " + copy + " of the metadata database failed its integrity check: "
                        + result + ".", "Try the backup again.", null);
            }
        } catch (SQLException e) {
            throw ResetException.problem("The copy " + copy + " cannot be opened: " + e.getMessage() + ".", "Try again.", e);
        }
    }

    private Connection readOnly() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }
}
