package io.github.influxreset.steps.validate;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 5: validates buckets, retention and schema and shows the report as a table, also when the
 * validation failed and the run was rolled back. Passed, it goes on to the restart by itself.
 */
public final class ValidateViewModel extends StepViewModel {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    public ValidateViewModel(StepContext wizard) {
        super(Step.VALIDATE, wizard);
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    @Override
    public void onEnter() {
        if (state() == StepState.PENDING) {
            validate();
        }
    }

    /** A rolled-back run's validation is not shown as if its buckets were there. */
    @Override
    public void clear() {
        super.clear();
        findings.clear();
    }

    public void validate() {
        ResetSession session = wizard.session();
        var mode = wizard.modeProperty().get();
        wizard.execute(this, "Validating the schema", progress -> {
            session.runStep(Step.VALIDATE, mode, progress);
            return session.findings(Step.VALIDATE);
        }, report -> {
            findings.setAll(report);
            return StepState.DONE;
        }, () -> wizard.goOnFrom(this), () -> findings.setAll(session.failedRunFindings(Step.VALIDATE)));
    }
}
