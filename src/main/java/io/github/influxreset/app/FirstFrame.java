package io.github.influxreset.app;

import io.github.influxreset.ui.AfterNextFrame;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark and the class-data archive of the installer: with
 * {@code -Dinfluxreset.reportFirstFrame=true} prints {@code FIRST_FRAME} on stdout after the first
 * pulse that laid out the wizard; with {@code -Dinfluxreset.exitAfterFirstFrame=true} the wizard
 * then closes. Off otherwise.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    static void reportWhenShown(Scene scene) {
        boolean exit = Boolean.getBoolean("influxreset.exitAfterFirstFrame");
        if (!Boolean.getBoolean("influxreset.reportFirstFrame") && !exit) {
            return;
        }
        AfterNextFrame.run(scene, () -> {
            System.out.println("FIRST_FRAME");
            System.out.flush();
            if (exit) {
                Platform.exit();
            }
        });
    }
}
