package io.github.influxreset.engine.port;

import io.github.influxreset.domain.SqliteSpec;
import java.nio.file.Path;

/**
 * The stack's SQLite databases, which the reset keeps intact: read, never written. Every failure
 * is a {@code ResetException} with a sentence for the user.
 */
public interface MetadataStore {
    /** Reads the database without changing it and runs a quick integrity check; returns a short summary. */
    String check(SqliteSpec database);

    /**
     * Writes a consistent copy of the database (its WAL or rollback journal applied) to
     * {@code target}, safe while the stack's services use it, then runs {@code PRAGMA
     * integrity_check} on the copy. Throws, and leaves no usable copy, when either fails.
     */
    void backupTo(SqliteSpec database, Path target);

    /**
     * Puts {@code copy} (a set's self-contained copy) back as the database, while the services that
     * use it are stopped: the file replaced whole, its {@code -wal}, {@code -shm} and {@code -journal}
     * emptied (a stale WAL would be applied to the restored file), then read back and checked with
     * {@code integrity_check}.
     */
    void restore(SqliteSpec database, Path copy);
}
