package io.github.influxreset.domain;

/** The six steps of a reset, in the order they run. */
public enum Step {
    PREREQUISITES("Prerequisites", "Check Docker, InfluxDB, SQLite and the backup folder"),
    BACKUP("Backup", "Write a backup set and verify every file"),
    CONFIRM("Confirm", "Review the plan and confirm the reset"),
    RESET("Reset", "Reset InfluxDB: the services stop for it, unless the reset is online"),
    VALIDATE("Validate", "Check buckets, retention and the schema"),
    RESTART("Restart", "Start the services again, wait until they are healthy and points flow; then, if chosen, carry "
            + "the old points while they write");

    private final String title;
    private final String summary;

    Step(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public int number() {
        return ordinal() + 1;
    }
}
