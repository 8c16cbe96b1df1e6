package io.github.influxreset.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The theme the window shows: the user's choice, or the system's setting when the choice is to follow it. */
public final class ThemeState {
    private final ObjectProperty<Theme.Choice> choice = new SimpleObjectProperty<>(Theme.Choice.SYSTEM);
    private final ObjectProperty<Theme> system = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectBinding<Theme> shown = Bindings.createObjectBinding(
            () -> Theme.of(choice.get(), system.get()), choice, system);

    /** The user's choice of theme; the application keeps it between starts. */
    public ObjectProperty<Theme.Choice> choiceProperty() {
        return choice;
    }

    /** The system's light or dark setting, as the application read it. */
    public ObjectProperty<Theme> systemProperty() {
        return system;
    }

    /** The theme shown. */
    public ObjectBinding<Theme> shownProperty() {
        return shown;
    }
}
