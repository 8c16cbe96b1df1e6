package io.github.influxreset.ui;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows a {@link TaskClock.Notice} as a ControlsFX notification in the window's corner. UI thread only. */
public final class FxNotices {
    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private FxNotices() {
    }

    public static void show(Window owner, TaskClock.Notice notice) {
        Notifications popup = Notifications.create().owner(owner).title(notice.title()).text(notice.text())
                .position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN_FOR);
        if (notice.succeeded()) {
            popup.showInformation();
        } else {
            popup.showError();
        }
    }
}
