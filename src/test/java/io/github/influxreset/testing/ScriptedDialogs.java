package io.github.influxreset.testing;

import io.github.influxreset.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs for tests: no file is chosen, confirmations (typed or yes/no) get a fixed answer and are recorded. */
public final class ScriptedDialogs implements DialogService {
    private boolean confirm;
    public final List<String> confirmations = new ArrayList<>();

    public ScriptedDialogs(boolean confirm) {
        this.confirm = confirm;
    }

    /** From now on every question gets this answer. */
    public void answer(boolean yes) {
        confirm = yes;
    }

    @Override
    public Optional<Path> chooseProfile() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        return Optional.empty();
    }

    @Override
    public boolean confirmByTyping(String title, String message, String word) {
        confirmations.add(message);
        return confirm;
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title + ": " + message);
        return confirm;
    }

    @Override
    public void showError(String sentence, Throwable details) {
        // the view model's error property is what tests read
    }
}
