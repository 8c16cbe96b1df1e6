package io.github.influxreset.ui;

import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * A screen built the first time it is shown, so the window's first frame waits only for the
 * screen it shows. UI thread only.
 */
public final class LazyScreen implements Supplier<Parent> {
    private final Supplier<Parent> build;
    private Parent built;

    private LazyScreen(Supplier<Parent> build) {
        this.build = build;
    }

    public static LazyScreen of(Supplier<Parent> build) {
        return new LazyScreen(build);
    }

    @Override
    public Parent get() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }
}
