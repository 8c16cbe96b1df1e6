package io.github.influxreset.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** The small factories the views share: controls with an id (for tests and CSS) and their usual settings. */
public final class Controls {
    private Controls() {
    }

    public static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        return button;
    }

    public static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Shows the node, and gives it room in the layout, only while the condition holds. */
    public static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A label that wraps and is never squeezed below its text's height. */
    public static Label wrappingLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
