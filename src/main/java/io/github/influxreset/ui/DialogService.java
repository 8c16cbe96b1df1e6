package io.github.influxreset.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog of the wizard goes through here, so view models and tests never touch a Stage. */
public interface DialogService {
    Optional<Path> chooseProfile();

    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /** Asks the user to type {@code word} to go on; true only when it was typed exactly. */
    boolean confirmByTyping(String title, String message, String word);

    /** Asks a yes/no question; true when the user said yes. */
    boolean confirm(String title, String message);

    /** A sentence for the user with the technical details behind an expander. */
    void showError(String sentence, Throwable details);
}
