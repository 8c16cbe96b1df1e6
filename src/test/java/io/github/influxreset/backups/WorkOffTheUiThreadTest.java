package io.github.influxreset.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import io.github.influxreset.ui.TaskClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work the backup browser starts runs on a worker thread with what the UI thread handed it when the
 * user asked, never reading the screen's state from there: here the wizard's session is gone (another
 * profile is being opened) by the time the worker runs the work, which still lists and verifies the
 * sets of the profile the user asked about.
 */
class WorkOffTheUiThreadTest {
    @TempDir
    Path dir;

    /** Keeps each task until {@link #runOnAWorker}, which runs it, callbacks included, on another thread. */
    private static final class WorkerTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String title, Work<T> work, Progress onProgress, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call(onProgress));
                } catch (Exception | Error failure) {
                    onFailure.accept(failure);
                }
            });
        }

        void runOnAWorker() throws InterruptedException {
            Thread worker = new Thread(held.remove(0), "worker");
            worker.start();
            worker.join(Duration.ofSeconds(30).toMillis());
        }
    }

    @Test
    void theListAndTheVerificationUseTheSessionOfWhenTheUserAsked() throws Exception {
        TestStack stack = new TestStack(dir);
        ResetSession opened = new ResetSession(stack.profile, stack.ports, stack.runner(), stack.log, Clock.systemUTC());
        String set = stack.ports.backups().write(stack.docker.discover("homeiq"), "r1", Progress.NONE);
        AtomicReference<ResetSession> current = new AtomicReference<>(opened);
        WorkerTasks tasks = new WorkerTasks();
        BackupBrowserViewModel browser = new BackupBrowserViewModel(tasks, new ScriptedDialogs(true), current::get,
                new TaskClock(Duration.ofSeconds(10), System::nanoTime));

        browser.refresh();
        current.set(null);
        tasks.runOnAWorker();

        assertEquals(1, browser.sets().size(), browser.statusProperty().get());
        assertEquals(set, browser.sets().get(0).id());
        browser.selectedProperty().set(browser.sets().get(0));
        current.set(opened);
        browser.verifySelected();
        current.set(null);
        tasks.runOnAWorker();
        assertTrue(browser.statusProperty().get().startsWith("Backup set " + set + " verified"),
                browser.statusProperty().get());
    }
}
