package io.github.influxreset.ui;

import io.github.influxreset.domain.ResetMode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The mode of the run: the one the checks propose (the gentlest that fixes what they found), until the user chooses. */
public final class ModeChoice {
    private final ObjectProperty<ResetMode> mode = new SimpleObjectProperty<>(ResetMode.FULL);
    private boolean chosenByUser;

    public ObjectProperty<ResetMode> modeProperty() {
        return mode;
    }

    /** Taken unless the user chose a mode. */
    public void propose(ResetMode proposed) {
        if (!chosenByUser) {
            mode.set(proposed);
        }
    }

    /** The user's choice, kept over later proposals. */
    public void choose(ResetMode chosen) {
        chosenByUser = true;
        mode.set(chosen);
    }
}
