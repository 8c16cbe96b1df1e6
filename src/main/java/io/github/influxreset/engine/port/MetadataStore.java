package io.github.influxreset.engine.port;

/** The stack's SQLite metadata database, which the reset keeps intact. */
public interface MetadataStore {
    /** Opens the database read-only and runs a quick integrity check; returns a short summary. */
    String check();
}
