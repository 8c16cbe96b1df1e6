package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.session.ResetSession;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The banner for a run the journal holds as not ended (the process died, or its rollback failed):
 * what happened, and Resume (asking for the confirmation word when the run never got one) or Roll
 * back. UI thread only; the work goes through {@link WizardTasks}.
 */
public final class RecoveryControl {
    private final Supplier<ResetSession> session;
    private final WizardTasks tasks;
    private final DialogService dialogs;
    private final RollbackControl rollback;
    private final Runnable onResumed;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty canResume = new SimpleBooleanProperty(false);
    private boolean needsConfirmation;

    /** @param onResumed what the wizard does once the resumed run finished (every step done) */
    RecoveryControl(Supplier<ResetSession> session, WizardTasks tasks, DialogService dialogs, RollbackControl rollback,
                    Runnable onResumed) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.rollback = rollback;
        this.onResumed = onResumed;
    }

    /** Reads the journal of the opened profile and offers what can be done with a run that did not end. */
    void offer(ResetSession opened) {
        text.set("");
        tasks.run("Reading the journal", Progress.NONE, p -> opened.adoptInterruptedRun(), found -> {
            text.set(found.map(ResetSession.Recovery::text).orElse(""));
            canResume.set(found.map(ResetSession.Recovery::canResume).orElse(false));
            needsConfirmation = found.map(ResetSession.Recovery::needsConfirmation).orElse(false);
        }, tasks::showError);
    }

    /** Finishes the interrupted run; asks for the typed confirmation if it never got one. */
    public void resume() {
        ResetSession active = session.get();
        if (tasks.busyProperty().get() || text.get().isEmpty()) {
            return;
        }
        String word = active.profile().confirmationWord();
        if (needsConfirmation && !dialogs.confirmByTyping("Resume the reset",
                "Resuming deletes the InfluxDB data of " + active.profile().name() + " (the backup keeps it).", word)) {
            return;
        }
        tasks.run("Resuming the interrupted run", Progress.NONE, p -> {
            active.resumeAdopted(p);
            return null;
        }, ignored -> {
            text.set("");
            onResumed.run();
            tasks.say("The interrupted run was resumed and finished.");
        }, tasks::showError);
    }

    /** Undoes the interrupted run, newest action first. */
    public void rollBack() {
        if (!text.get().isEmpty()) {
            text.set("");
            rollback.rollback();
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty canResumeProperty() {
        return canResume;
    }
}
