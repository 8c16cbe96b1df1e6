package io.github.influxreset.steps.prerequisites;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Step 1: the profile in use and the read-only prerequisite checks. */
public final class PrerequisitesViewModel extends StepViewModel {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final BooleanProperty canMove = new SimpleBooleanProperty(false);
    private final BooleanProperty canSwitchOnline = new SimpleBooleanProperty(false);
    /** The SSH host key the last checks met that known_hosts lacks: asked about once they end. */
    private Optional<UnknownHostKey> unknownHostKey = Optional.empty();

    public PrerequisitesViewModel(StepContext wizard) {
        super(Step.PREREQUISITES, wizard);
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** True when the profile names a 2.x server to move to: the move is offered beside the resets. */
    public ReadOnlyBooleanProperty canMoveProperty() {
        return canMove;
    }

    /** True when the stack runs InfluxDB 2.x, which can rename buckets: the online reset is offered. */
    public ReadOnlyBooleanProperty canSwitchOnlineProperty() {
        return canSwitchOnline;
    }

    /**
     * "Run the checks again": on the profile as its file says now, so that an edit is seen (the file is
     * opened again, as at start, and a profile that no longer loads is said and the current one kept);
     * while a run is open, on that run's profile.
     */
    public void checkAgain() {
        ResetSession session = wizard.session();
        Optional<Path> file = session.profile().source();
        if (file.isPresent() && !session.hasOpenRun()) {
            wizard.openProfile(file.get());
        } else {
            runChecks();
        }
    }

    /** Runs the checks; the step is done when none of them failed. */
    public void runChecks() {
        runChecks(Optional.empty());
    }

    /**
     * Runs the checks, first recording {@code trusted} when the user trusted that SSH host key; an
     * engine's machine showing a key known_hosts lacks is then put to the user as a question.
     */
    private void runChecks(Optional<UnknownHostKey> trusted) {
        canMove.set(wizard.session().profile().moveTo().isPresent());
        canSwitchOnline.set(!wizard.session().profile().influx().isV1());
        ResetSession session = wizard.session();
        wizard.execute(this, "Running the checks", progress -> {
            trusted.ifPresent(session.hostKeys()::trust);
            return session.runChecks();
        }, checked -> {
            findings.setAll(checked.findings());
            session.proposedMode().ifPresent(wizard.mode()::propose);
            unknownHostKey = checked.unknownHostKey();
            return checked.findings().stream().anyMatch(f -> f.severity().isProblem()) ? StepState.FAILED : StepState.DONE;
        }, () -> unknownHostKey.ifPresent(this::offerToTrust));
    }

    /** Asks whether to trust the key the engine's machine showed; yes records it and checks again. */
    private void offerToTrust(UnknownHostKey key) {
        if (wizard.ask("Trust this machine's SSH host key?", key.question())) {
            runChecks(Optional.of(key));
        }
    }

    public void chooseProfile() {
        wizard.chooseProfile();
    }

    /** Goes to the first run, which finds the stack on the engine and writes a profile for it. */
    public void findStack() {
        wizard.startFirstRun();
    }

    @Override
    public void onEnter() {
        if (state() == StepState.PENDING && wizard.session() != null && !wizard.busyProperty().get()) {
            runChecks();
        }
    }

    @Override
    public void clear() {
        super.clear();
        findings.clear();
        unknownHostKey = Optional.empty();
    }
}
