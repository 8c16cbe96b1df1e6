package io.github.influxreset.engine.port;

/** The stack's SQLite metadata database, which the reset keeps intact. */
public interface MetadataStore {
    /** Opens the database read-only and runs a quick integrity check; returns a short summary. */
    String check();

    /**
     * Copies the database to {@code target} with SQLite's online backup (safe while the stack's
     * services use it), then runs {@code PRAGMA integrity_check} on the copy.
     */
    void backupTo(java.nio.file.Path target);
}
