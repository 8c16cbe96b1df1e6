package io.github.influxreset.steps.backup;

import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Step 2: writes a backup set and verifies every file; starts the run in the journal. */
public final class BackupViewModel extends StepViewModel {
    private final StringProperty result = new SimpleStringProperty("No backup written yet.");
    private final StringProperty explanation = new SimpleStringProperty("");

    public BackupViewModel(StepContext wizard) {
        super(Step.BACKUP, wizard);
    }

    public StringProperty resultProperty() {
        return result;
    }

    /** What the set will hold, for the profile in use: its SQLite databases named, or said to be none. */
    public StringProperty explanationProperty() {
        return explanation;
    }

    @Override
    public void onEnter() {
        explanation.set(explanation(wizard.session().profile().sqlite()));
    }

    static String explanation(List<SqliteSpec> sqlite) {
        return "The backup set holds a line-protocol export of every bucket (counted against InfluxDB: every point), "
                + "InfluxDB's own backup where the token allows it, snapshots of its volumes, the compose files and .env, "
                + "the InfluxDB container's configuration and " + (sqlite.isEmpty()
                ? "no SQLite database (the profile lists none)" : "a copy of the SQLite database(s) " + String.join(", ",
                sqlite.stream().map(SqliteSpec::describe).toList())) + ". The services keep "
                + "running meanwhile; nothing is deleted before the set is written and verified, and what they write "
                + "until they stop is checked for again then.";
    }

    /** Runs the checks again inside the run, then writes and verifies the backup set. */
    public void createBackup() {
        ResetSession session = wizard.session();
        var mode = wizard.modeProperty().get();
        wizard.forgetStepsAfter(this);
        wizard.execute(this, "Writing the backup", progress -> {
            session.runStep(Step.PREREQUISITES, mode, progress);
            session.runStep(Step.BACKUP, mode, progress);
            return session.backupId().orElse("?");
        }, backupId -> {
            result.set("Backup set " + backupId + " written to " + session.profile().backups().dir()
                    + " and verified: every file matches its SHA-256, every archive entry is safe and every export holds every point.");
            return StepState.DONE;
        });
    }

    @Override
    public void clear() {
        super.clear();
        result.set("No backup written yet.");
    }
}
