package io.github.influxreset.ui;

import io.github.influxreset.testing.RigStack;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.framework.junit5.Start;

/** The wizard's full reset on the real stack with InfluxDB 1.6.7. */
class WizardOnThe1xStackIT extends WizardOnTheRealStackIT {
    @BeforeAll
    static void startStack() throws Exception {
        startStack(new RigStack(dir.resolve("rig")));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String screenshotName() {
        return "10-real-stack-done";
    }
}
