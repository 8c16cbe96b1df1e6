package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.firstrun.DraftFields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The parts the wizard's view models are made of, without the JavaFX toolkit (plain properties, a
 * same-thread task runner): busy counting, progress and errors; the proposed and chosen mode; the
 * overlays; the first run's editable fields.
 */
class ViewModelPartsTest {
    private static final TaskClock CLOCK = new TaskClock(Duration.ofSeconds(10), System::nanoTime);

    /** Holds the work of a task until it is let go, so two can be open at once. */
    private static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String title, Work<T> work, io.github.influxreset.domain.Progress onProgress,
                            java.util.function.Consumer<T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
            held.add(() -> new SameThreadTaskRunner().run(title, work, onProgress, onSuccess, onFailure));
        }

        void finishFirst() {
            held.remove(0).run();
        }
    }

    @Test
    void theWindowStaysBusyUntilTheLastOfTwoTasksEnds() {
        HeldTasks runner = new HeldTasks();
        WizardTasks tasks = new WizardTasks(runner, CLOCK);
        tasks.run("Writing the backup", (f, m) -> { }, p -> "one", done -> { }, failed -> { });
        tasks.run("Reading the journal", (f, m) -> { }, p -> "two", done -> { }, failed -> { });

        runner.finishFirst();
        assertTrue(tasks.busyProperty().get(), "one task still runs");
        runner.finishFirst();
        assertFalse(tasks.busyProperty().get());
    }

    @Test
    void progressGoesToTheBarAndTheStepAndAFailureIsShownAsItsSentence() {
        WizardTasks tasks = new WizardTasks(new SameThreadTaskRunner(), CLOCK);
        List<Double> step = new ArrayList<>();
        double[] bar = new double[1];
        tasks.progressProperty().addListener((obs, old, now) -> bar[0] = Math.max(bar[0], now.doubleValue()));

        tasks.run("Carrying", (f, m) -> step.add(f), p -> {
            p.update(0.5, "Carrying bucket b: 50 of 100 points");
            throw ResetException.problem("InfluxDB refused the write.", "Check its log.", null);
        }, done -> { }, tasks::showError);

        assertEquals(List.of(0.5), step);
        assertEquals(0.5, bar[0]);
        assertEquals("InfluxDB refused the write. Check its log.", tasks.errorProperty().get());
        tasks.clearError();
        assertEquals("", tasks.errorProperty().get());
    }

    @Test
    void theChecksProposeTheModeUntilTheUserChoosesOne() {
        ModeChoice mode = new ModeChoice();
        mode.propose(ResetMode.REPAIR);
        assertEquals(ResetMode.REPAIR, mode.modeProperty().get());

        mode.choose(ResetMode.FULL);
        mode.propose(ResetMode.BUCKETS);

        assertEquals(ResetMode.FULL, mode.modeProperty().get(), "the user's choice stands");
    }

    @Test
    void theBackupBrowserAndTheFirstRunStandInForTheStepsOneAtATime() {
        Overlays overlays = new Overlays();
        overlays.backupsProperty().set(true);
        assertTrue(overlays.anyProperty().get());

        overlays.showFirstRun();

        assertFalse(overlays.backupsProperty().get(), "the first run replaces the backup browser");
        assertTrue(overlays.firstRunProperty().get());
    }

    @Test
    void anEditedFieldThatIsNoPathIsNamedAndNoDraftComesOut() throws Exception {
        DraftFields fields = new DraftFields();
        ProfileDraft draft = new ProfileDraft("homeiq", Optional.empty(), List.of(), 2, "influxdb", "http://127.0.0.1:8086",
                "homeiq", Secret.of("t"), Optional.empty(), "admin", Secret.empty(), Optional.empty(), List.of(), List.of(),
                Path.of("/tmp/backups"), List.of(), List.of());
        fields.backupsDirProperty().set("  ");
        List<String> errors = new ArrayList<>();

        assertEquals(Optional.empty(), fields.applyTo(draft, errors::add));
        assertEquals(List.of("Backups folder is empty: type a path."), errors);

        fields.backupsDirProperty().set("/srv/backups");
        fields.urlProperty().set("http://127.0.0.1:18086");
        ProfileDraft edited = fields.applyTo(draft, errors::add).orElseThrow();
        assertEquals(Path.of("/srv/backups"), edited.backupsDir());
        assertEquals("http://127.0.0.1:18086", edited.url());
    }
}
