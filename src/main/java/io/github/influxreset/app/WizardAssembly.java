package io.github.influxreset.app;

import io.github.influxreset.backups.BackupBrowserView;
import io.github.influxreset.backups.BackupBrowserViewModel;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.session.StackFinder;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.firstrun.FirstRunView;
import io.github.influxreset.firstrun.FirstRunViewModel;
import io.github.influxreset.steps.backup.BackupView;
import io.github.influxreset.steps.backup.BackupViewModel;
import io.github.influxreset.steps.confirm.ConfirmView;
import io.github.influxreset.steps.confirm.ConfirmViewModel;
import io.github.influxreset.steps.prerequisites.PrerequisitesView;
import io.github.influxreset.steps.prerequisites.PrerequisitesViewModel;
import io.github.influxreset.steps.reset.ResetView;
import io.github.influxreset.steps.reset.ResetViewModel;
import io.github.influxreset.steps.restart.RestartView;
import io.github.influxreset.steps.restart.RestartViewModel;
import io.github.influxreset.steps.validate.ValidateView;
import io.github.influxreset.steps.validate.ValidateViewModel;
import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.LazyScreen;
import io.github.influxreset.ui.LogPane;
import io.github.influxreset.ui.LogPaneModel;
import io.github.influxreset.ui.SessionFactory;
import io.github.influxreset.ui.StepViewModel;
import io.github.influxreset.ui.TaskClock;
import io.github.influxreset.ui.WizardView;
import io.github.influxreset.ui.WizardViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Puts the wizard together: its view models, one view per step, the log pane and the shell. */
public final class WizardAssembly {
    public static final int LOG_CAPACITY = 20_000;
    private static final String STYLESHEET = "/io/github/influxreset/ui/wizard.css";

    private final WizardViewModel wizard;
    private final LogPaneModel logModel = new LogPaneModel(LOG_CAPACITY);
    private final WizardView view;
    private final BackupBrowserViewModel backups;
    private final FirstRunViewModel firstRun;
    private final TaskClock taskClock;
    private final List<LazyScreen> screens = new ArrayList<>();

    public WizardAssembly(TaskRunner tasks, SessionFactory sessions, DialogService dialogs, LogBus log,
                          StackFinder finder) {
        this(tasks, sessions, dialogs, log, finder, TaskClock.standard());
    }

    /** @param clock times the tasks: the time left on their progress lines, and notices of long ones */
    public WizardAssembly(TaskRunner tasks, SessionFactory sessions, DialogService dialogs, LogBus log,
                          StackFinder finder, TaskClock clock) {
        this.taskClock = clock;
        wizard = new WizardViewModel(tasks, sessions, dialogs, clock);
        log.subscribe(logModel);
        PrerequisitesViewModel prerequisites = new PrerequisitesViewModel(wizard);
        BackupViewModel backup = new BackupViewModel(wizard);
        ConfirmViewModel confirm = new ConfirmViewModel(wizard);
        ResetViewModel reset = new ResetViewModel(wizard);
        ValidateViewModel validate = new ValidateViewModel(wizard);
        RestartViewModel restart = new RestartViewModel(wizard);
        wizard.setSteps(List.of(prerequisites, backup, confirm, reset, validate, restart));
        Map<StepViewModel, LazyScreen> views = new LinkedHashMap<>();
        views.put(prerequisites, LazyScreen.of(() -> new PrerequisitesView(prerequisites, wizard).root()));
        views.put(backup, LazyScreen.of(() -> new BackupView(backup, wizard).root()));
        views.put(confirm, LazyScreen.of(() -> new ConfirmView(confirm).root()));
        views.put(reset, LazyScreen.of(() -> new ResetView(reset).root()));
        views.put(validate, LazyScreen.of(() -> new ValidateView(validate, wizard).root()));
        views.put(restart, LazyScreen.of(() -> new RestartView(restart, dialogs).root()));
        backups = new BackupBrowserViewModel(tasks, dialogs, wizard::session, clock);
        wizard.overlays().backupsProperty().addListener((obs, old, showing) -> {
            if (showing) {
                backups.refresh();
            }
        });
        firstRun = new FirstRunViewModel(tasks, finder, dialogs);
        firstRun.setOnDone(wizard::endFirstRun);
        firstRun.openProfileProperty().bind(wizard.profileNameProperty());
        wizard.overlays().firstRunProperty().addListener((obs, old, showing) -> {
            if (showing) {
                firstRun.scan();
            }
        });
        LazyScreen backupBrowser = LazyScreen.of(() -> new BackupBrowserView(backups, wizard.overlays()::hideBackups).root());
        LazyScreen firstRunView = LazyScreen.of(() -> new FirstRunView(firstRun).root());
        view = new WizardView(wizard, views, new LogPane(logModel, dialogs, tasks), backupBrowser, firstRunView);
        screens.addAll(views.values());
        screens.add(backupBrowser);
        screens.add(firstRunView);
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public BackupBrowserViewModel backups() {
        return backups;
    }

    /** The view of every step, the backup browser and the first run, shown or not (built now if not yet). */
    public List<Parent> screens() {
        return screens.stream().map(LazyScreen::get).toList();
    }

    public TaskClock taskClock() {
        return taskClock;
    }

    public FirstRunViewModel firstRun() {
        return firstRun;
    }

    public LogPaneModel logModel() {
        return logModel;
    }

    public Scene scene() {
        Scene scene = new Scene(view.root(), 1100, 760);
        scene.getStylesheets().add(WizardAssembly.class.getResource(STYLESHEET).toExternalForm());
        return scene;
    }
}
