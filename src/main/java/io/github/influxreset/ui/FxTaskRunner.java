package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.tasks.TaskRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs work as a {@link Task} on a small pool of daemon threads; progress, success and failure are
 * delivered on the JavaFX application thread. Progress updates may be coalesced (JavaFX delivers the
 * latest fraction and message of a burst); service events are delivered each; none is reordered, and
 * all of it comes before the success or failure.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "influx-reset-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(String title, Work<T> work, Progress onProgress, Consumer<T> onSuccess,
                        Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call(new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        if (fraction >= 0) {
                            updateProgress(fraction, 1.0);
                        }
                        updateMessage(message);
                    }

                    @Override
                    public void serviceStarting(String service) {
                        Platform.runLater(() -> onProgress.serviceStarting(service));
                    }

                    @Override
                    public void serviceUp(String service) {
                        Platform.runLater(() -> onProgress.serviceUp(service));
                    }
                });
            }
        };
        // a fraction that moves under the same message (bytes copied, points carried) is progress too
        task.messageProperty().addListener((obs, old, message) -> onProgress.update(task.getProgress(), message));
        task.progressProperty().addListener((obs, old, fraction) -> onProgress.update(fraction.doubleValue(),
                task.getMessage()));
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        pool.execute(task);
    }
}
