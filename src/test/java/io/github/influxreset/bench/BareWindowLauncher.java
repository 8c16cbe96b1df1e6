package io.github.influxreset.bench;

import javafx.application.Application;

/** Starts {@link BareWindow} from the class path (a main class that is an Application is refused there). */
public final class BareWindowLauncher {
    private BareWindowLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
