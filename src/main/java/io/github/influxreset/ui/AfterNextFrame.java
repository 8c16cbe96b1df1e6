package io.github.influxreset.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work on the UI thread once the scene's next frame has been laid out: called before the
 * window shows, after its first frame, so what the first screen does not need (opening the
 * profile, reading the system theme) does not delay it; called for a node just added, once it
 * can take the focus.
 */
public final class AfterNextFrame {
    private AfterNextFrame() {
    }

    public static void run(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
