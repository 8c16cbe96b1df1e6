package io.github.influxreset.app;

import javafx.scene.Scene;

/**
 * For the start-up benchmark: with {@code -Dinfluxreset.reportFirstFrame=true} prints
 * {@code FIRST_FRAME} on stdout after the first pulse that laid out the wizard. Off otherwise.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    static void reportWhenShown(Scene scene) {
        if (!Boolean.getBoolean("influxreset.reportFirstFrame")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("FIRST_FRAME");
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
