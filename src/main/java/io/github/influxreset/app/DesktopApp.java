package io.github.influxreset.app;

import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.FxDialogService;
import io.github.influxreset.ui.FxTaskRunner;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop wizard's window. Launched by {@link AppContext#openWizard}. */
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
        WizardAssembly assembly = new WizardAssembly(new FxTaskRunner(), context::session, dialogs, context.log());
        stage.setTitle("InfluxDB Reset Wizard");
        for (String size : new String[] {"32", "64", "256"}) {
            stage.getIcons().add(new javafx.scene.image.Image(DesktopApp.class.getResourceAsStream(
                    "/io/github/influxreset/ui/icons/influx-reset-" + size + ".png")));
        }
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
        assembly.wizard().openProfile(profileFile);
    }
}
