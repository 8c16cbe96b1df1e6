package io.github.influxreset.ui;

import io.github.influxreset.testing.RigStack;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.framework.junit5.Start;

/** The wizard's full reset on the real stack with InfluxDB 2.7.12. */
class WizardOnThe2xStackIT extends WizardOnTheRealStackIT {
    @BeforeAll
    static void startStack() throws Exception {
        startStack(RigStack.v2(dir.resolve("rig")));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String screenshotName() {
        return "10-real-2x-stack-done";
    }
}
