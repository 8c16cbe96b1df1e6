package io.github.influxreset.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps over as many lines as it needs (a sentence that ends with what to
 * do must not be cut off), in the cell's own colour and font, with the whole text in a tooltip too.
 */
public final class WrappingTableCell<S> extends TableCell<S, String> {
    private final Text text = new Text();

    public WrappingTableCell() {
        text.wrappingWidthProperty().bind(widthProperty().subtract(12));
        // the cell's own text colour, as the theme and the selection set it
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefHeight(Region.USE_COMPUTED_SIZE);
    }

    @Override
    protected void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        text.setText(empty || value == null ? "" : value);
        setGraphic(empty || value == null ? null : text);
        setAccessibleText(empty ? null : value);
        setTooltip(empty || value == null ? null : new Tooltip(value));
    }
}
