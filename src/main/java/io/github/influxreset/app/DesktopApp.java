package io.github.influxreset.app;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.ui.AfterNextFrame;
import io.github.influxreset.ui.FxDialogService;
import io.github.influxreset.ui.FxNotices;
import io.github.influxreset.ui.FxTaskRunner;
import io.github.influxreset.ui.WizardViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The desktop wizard's window. Launched by {@link AppContext#openWizard}. It opens the profile of
 * {@code --profile}, else the one used last, else the first run, which finds the stack.
 */
public final class DesktopApp extends Application {
    private static AppContext context;
    private static Path profileFile;

    static void launch(AppContext appContext, Path file) {
        context = appContext;
        profileFile = file;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        UserSettings settings = UserSettings.of(context.home());
        FxTaskRunner tasks = new FxTaskRunner();
        WizardAssembly assembly = new WizardAssembly(tasks, file -> {
            var session = context.session(file);
            if (file != null) {
                settings.rememberProfile(file);
            }
            return session;
        }, new FxDialogService(stage), context.log(), context.stackFinder());
        WizardViewModel wizard = assembly.wizard();
        assembly.taskClock().setOnNotice(notice -> FxNotices.show(stage, notice));
        wizard.theme().choiceProperty().set(settings.themeChoice());
        wizard.theme().choiceProperty().addListener((obs, old, choice) -> settings.rememberThemeChoice(choice));
        dressWindow(stage, assembly.scene());
        wizard.finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
            }
        });
        FirstFrame.reportWhenShown(stage.getScene());
        AfterNextFrame.run(stage.getScene(), () -> {
            context.warmUpLogFile();
            followSystemTheme(stage, wizard, tasks);
            Optional<Path> chosen = Optional.ofNullable(profileFile).or(settings::lastProfile);
            if (chosen.isPresent()) {
                wizard.openProfile(chosen.get());
            } else {
                wizard.startFirstRun();
            }
        });
        stage.show();
    }

    private static void dressWindow(Stage stage, Scene scene) {
        stage.setTitle("InfluxDB Reset Wizard");
        for (String size : new String[] {"32", "64", "256"}) {
            stage.getIcons().add(new Image(DesktopApp.class.getResourceAsStream(
                    "/io/github/influxreset/ui/icons/influx-reset-" + size + ".png")));
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(620);
        WindowPlacement.restore(stage);
        WindowPlacement.rememberOnClose(stage);
    }

    /** Reads the system's light or dark setting in the background, now and whenever the window is focused. */
    private static void followSystemTheme(Stage stage, WizardViewModel wizard, TaskRunner tasks) {
        Runnable readSystemTheme = () -> tasks.run("Reading the system theme",
                progress -> SystemTheme.detect(System.getenv(), System.getProperty("os.name")), Progress.NONE,
                theme -> theme.ifPresent(wizard.theme().systemProperty()::set), unreadable -> { });
        readSystemTheme.run();
        stage.focusedProperty().addListener((obs, old, focused) -> {
            if (focused) {
                readSystemTheme.run();
            }
        });
    }
}
