package io.github.influxreset.app;

import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.FxDialogService;
import io.github.influxreset.ui.FxTaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
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
        DialogService dialogs = new FxDialogService(stage);
        LastProfile lastProfile = LastProfile.ofUser();
        WizardAssembly assembly = new WizardAssembly(new FxTaskRunner(), file -> {
            var session = context.session(file);
            if (file != null) {
                lastProfile.remember(file);
            }
            return session;
        }, dialogs, context.log(), context.stackFinder());
        stage.setTitle("InfluxDB Reset Wizard");
        for (String size : new String[] {"32", "64", "256"}) {
            stage.getIcons().add(new javafx.scene.image.Image(DesktopApp.class.getResourceAsStream(
                    "/io/github/influxreset/ui/icons/influx-reset-" + size + ".png")));
        }
        assembly.taskClock().setOnNotice(notice -> io.github.influxreset.ui.FxNotices.show(stage, notice));
        stage.setScene(assembly.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(620);
        WindowPlacement.restore(stage);
        WindowPlacement.rememberOnClose(stage);
        assembly.wizard().finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
            }
        });
        FirstFrame.reportWhenShown(stage.getScene());
        stage.show();
        Optional<Path> chosen = Optional.ofNullable(profileFile).or(lastProfile::read);
        if (chosen.isPresent()) {
            assembly.wizard().openProfile(chosen.get());
        } else {
            assembly.wizard().startFirstRun();
        }
    }
}
