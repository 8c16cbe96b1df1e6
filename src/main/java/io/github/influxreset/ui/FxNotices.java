package io.github.influxreset.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows a {@link TaskClock.Notice} as a ControlsFX notification in the window's top left corner,
 * over the step list, never over the navigation buttons below, its text wrapped so that it is
 * never wider than a narrow window. UI thread only.
 */
public final class FxNotices {
    private static final Duration SHOWN_FOR = Duration.seconds(8);
    /** Characters per line of a notice's text. */
    static final int LINE = 56;

    private FxNotices() {
    }

    public static void show(Window owner, TaskClock.Notice notice) {
        Notifications popup = Notifications.create().owner(owner).title(notice.title()).text(wrapped(notice.text()))
                .position(Pos.TOP_LEFT).hideAfter(SHOWN_FOR);
        if (notice.succeeded()) {
            popup.showInformation();
        } else {
            popup.showError();
        }
    }

    /** The text broken into lines of at most {@link #LINE} characters, between words where it can. */
    static String wrapped(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > LINE) {
                flush(lines, line);
                lines.add(word.substring(0, LINE));
                word = word.substring(LINE);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE) {
                flush(lines, line);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        flush(lines, line);
        return String.join("\n", lines);
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }
}
