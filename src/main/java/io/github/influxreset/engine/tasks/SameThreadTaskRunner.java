package io.github.influxreset.engine.tasks;

import io.github.influxreset.domain.Progress;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for the CLI and for tests of view models. */
public final class SameThreadTaskRunner implements TaskRunner {
    @Override
    public <T> void run(String title, Work<T> work, Progress onProgress, Consumer<T> onSuccess,
                        Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call(onProgress);
        } catch (Exception | Error failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }
}
