package io.github.influxreset.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;

/** A list row whose text wraps over as many lines as it needs, in the theme's text colour and font. */
public final class WrappingListCell extends ListCell<String> {
    private final Text text = new Text();

    public WrappingListCell() {
        text.wrappingWidthProperty().bind(widthProperty().subtract(20));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        text.setText(empty || line == null ? "" : line);
        setGraphic(empty || line == null ? null : text);
        setAccessibleText(empty ? null : line);
    }
}
