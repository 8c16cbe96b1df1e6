package io.github.influxreset.engine.tasks;

import io.github.influxreset.domain.Progress;
import java.util.function.Consumer;

/**
 * The one seam through which view models run blocking work. The desktop implementation runs it on
 * a background thread and calls back on the UI thread; tests use one that runs it at once on the
 * calling thread.
 */
public interface TaskRunner {

    /** Blocking work that reports progress. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /**
     * Runs the work. Exactly one of {@code onSuccess} or {@code onFailure} is called afterwards, and
     * {@code onProgress} any number of times before; all three on the runner's callback thread.
     */
    <T> void run(String title, Work<T> work, Progress onProgress, Consumer<T> onSuccess,
                 Consumer<Throwable> onFailure);
}
