package io.github.influxreset.app;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size and position between starts (Java preferences of the user). */
final class WindowPlacement {
    private static final Preferences PREFS = Preferences.userNodeForPackage(WindowPlacement.class);

    private WindowPlacement() {
    }

    /** Puts the window where it was, if that place is still on a screen. */
    static void restore(Stage stage) {
        double x = PREFS.getDouble("x", Double.NaN);
        double y = PREFS.getDouble("y", Double.NaN);
        double width = PREFS.getDouble("width", 1100);
        double height = PREFS.getDouble("height", 760);
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    /** Keeps the size and position when the window closes. */
    static void rememberOnClose(Stage stage) {
        stage.setOnHidden(e -> {
            PREFS.putDouble("x", stage.getX());
            PREFS.putDouble("y", stage.getY());
            PREFS.putDouble("width", stage.getWidth());
            PREFS.putDouble("height", stage.getHeight());
        });
    }
}
