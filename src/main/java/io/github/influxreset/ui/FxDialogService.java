package io.github.influxreset.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;

/** Dialogs on a real window: file choosers and ControlsFX's exception dialog. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /** Owned by the window, and styled as it is (the dark theme too). */
    private void dressLikeTheWindow(javafx.scene.control.Dialog<?> dialog) {
        dialog.initOwner(owner);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
        }
    }

    @Override
    public Optional<Path> chooseProfile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Profiles (*.yaml, *.yml)", "*.yaml", "*.yml"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public boolean confirmByTyping(String title, String message, String word) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
        dressLikeTheWindow(dialog);
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        dialog.setContentText("Type '" + word + "' to go on:");
        return dialog.showAndWait().map(String::trim).filter(word::equals).isPresent();
    }

    @Override
    public boolean confirm(String title, String message) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                message, javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        dressLikeTheWindow(alert);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(javafx.scene.control.ButtonType.YES::equals).isPresent();
    }

    @Override
    public void showError(String sentence, Throwable details) {
        ExceptionDialog dialog = new ExceptionDialog(details);
        dressLikeTheWindow(dialog);
        dialog.setHeaderText(sentence);
        dialog.show();
    }
}
