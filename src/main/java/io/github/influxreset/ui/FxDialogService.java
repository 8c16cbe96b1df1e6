package io.github.influxreset.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;

/** Dialogs on a real window: file choosers and ControlsFX's exception dialog. */
public final class FxDialogService implements DialogService {
    /** The share of the window's width and height a dialog may take at most. */
    private static final double FIT = 0.9;
    private static final double PREFERRED_WIDTH = 640;
    private static final int MAX_ROWS = 14;
    /** Characters a row of the question holds, about, at the dialog's width (a little fewer, so that none is hidden). */
    private static final int ROW_CHARACTERS = 60;
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /** Owned by the window, and styled as it is (the dark theme too). */
    private void dressLikeTheWindow(Dialog<?> dialog) {
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
        TextInputDialog dialog = new TextInputDialog();
        dressLikeTheWindow(dialog);
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        dialog.setContentText("Type '" + word + "' to go on:");
        return dialog.showAndWait().map(String::trim).filter(word::equals).isPresent();
    }

    /**
     * Asks yes or no. The dialog fits inside the window whatever the message's length (the message wraps and
     * scrolls), and No is the default: Enter never undoes or deletes by accident.
     */
    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
        dressLikeTheWindow(alert);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setResizable(true);
        TextArea text = new TextArea(message);
        text.setId("dialogMessage");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(MAX_ROWS, rowsWrapped(message) + 1));
        DialogPane pane = alert.getDialogPane();
        pane.setContent(text);
        fitTheWindow(pane);
        ((Button) pane.lookupButton(ButtonType.YES)).setDefaultButton(false);
        ((Button) pane.lookupButton(ButtonType.NO)).setDefaultButton(true);
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    /** The rows a message takes wrapped at about {@link #ROW_CHARACTERS} characters: a long sentence shows whole. */
    static int rowsWrapped(String message) {
        return message.lines().mapToInt(line -> Math.max(1, (line.length() + ROW_CHARACTERS - 1) / ROW_CHARACTERS)).sum();
    }

    /** The sentence wraps and the technical details scroll: the dialog is never wider or taller than the window. */
    @Override
    public void showError(String sentence, Throwable details) {
        ExceptionDialog dialog = new ExceptionDialog(details);
        dressLikeTheWindow(dialog);
        dialog.setHeaderText(sentence);
        dialog.setResizable(true);
        fitTheWindow(dialog.getDialogPane());
        dialog.show();
    }

    private void fitTheWindow(DialogPane pane) {
        pane.setPrefWidth(Math.min(PREFERRED_WIDTH, owner.getWidth() * FIT));
        pane.setMaxWidth(owner.getWidth() * FIT);
        pane.setMaxHeight(owner.getHeight() * FIT);
    }
}
