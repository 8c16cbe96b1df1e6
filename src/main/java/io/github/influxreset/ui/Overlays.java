package io.github.influxreset.ui;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What may stand in for the current step: the backup browser (reachable from every step) or the
 * first run (finding the stack). While one shows, Back and Next wait. UI thread only.
 */
public final class Overlays {
    private final BooleanProperty backups = new SimpleBooleanProperty(false);
    private final BooleanProperty firstRun = new SimpleBooleanProperty(false);
    private final BooleanBinding any = backups.or(firstRun);

    /** True while the backup browser is shown instead of the current step. */
    public BooleanProperty backupsProperty() {
        return backups;
    }

    /** True while the first run (finding the stack, no profile chosen) is shown instead of the steps. */
    public BooleanProperty firstRunProperty() {
        return firstRun;
    }

    /** True while the backup browser or the first run stands in for the steps. */
    public BooleanBinding anyProperty() {
        return any;
    }

    public void hideBackups() {
        backups.set(false);
    }

    void showFirstRun() {
        backups.set(false);
        firstRun.set(true);
    }
}
