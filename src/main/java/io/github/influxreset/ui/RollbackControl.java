package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.report.ServicesDown;
import io.github.influxreset.engine.run.RollbackPlan;
import io.github.influxreset.engine.session.ResetSession;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The rollback button on every screen: enabled while the run has something to undo, its tooltip
 * saying what the rollback achieves; pressed, it shows the undo plan with its checks and rolls back
 * only when none fails and the user agrees. UI thread only; the work goes through {@link WizardTasks}.
 */
public final class RollbackControl {
    private final Supplier<ResetSession> session;
    private final WizardTasks tasks;
    private final DialogService dialogs;
    private final Runnable onRolledBack;
    private final BooleanProperty canRollback = new SimpleBooleanProperty(false);
    private final StringProperty hint = new SimpleStringProperty("Nothing to roll back yet");

    /** @param onRolledBack what the wizard does once the stack is as it was (the flow starts again) */
    RollbackControl(Supplier<ResetSession> session, WizardTasks tasks, DialogService dialogs, Runnable onRolledBack) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.onRolledBack = onRolledBack;
    }

    /** Undoes what the current run did, once the user has seen the undo plan. */
    public void rollback() {
        if (!canRollback.get() || tasks.busyProperty().get()) {
            return;
        }
        ResetSession active = session.get();
        tasks.run("Checking what the rollback would do", Progress.NONE, p -> active.rollbackPlan()
                .map(plan -> new Checked(plan, active.servicesDown().map(ServicesDown::sentence).orElse(""))),
                checked -> checked.ifPresent(read -> confirm(active, read.plan(), read.servicesDown())), tasks::showError);
    }

    /** The undo plan, and the services the run keeps stopped while the question waits (empty when none). */
    private record Checked(RollbackPlan plan, String servicesDown) {
    }

    private void confirm(ResetSession active, RollbackPlan plan, String servicesDown) {
        if (!plan.failed().isEmpty()) {
            tasks.showError(ResetException.badInput("The rollback was refused and nothing was changed: " + plan.failed()
                    .stream().map(p -> p.problem().orElseThrow()).distinct().collect(Collectors.joining("; ")) + ".",
                    "If the stack is as you want it now, close the run with 'runs close " + plan.run().id() + "'."));
            return;
        }
        String question = plan.stale() ? "This run is stale: the stack changed since it stopped. Roll it back anyway? "
                + "The live data is written to a new verified backup set first." : plan.needsSafetyBackup()
                ? "Roll back? The live data it replaces is written to a new verified backup set first." : "Roll back?";
        String cost = servicesDown.isEmpty() ? "" : servicesDown + "\n\n";
        if (!dialogs.confirm("Roll back run " + plan.run().id(), cost + String.join("\n", plan.lines()) + "\n\n" + question)) {
            return;
        }
        tasks.run("Rolling back", Progress.NONE, p -> {
            active.rollback(plan.stale());
            return null;
        }, ignored -> {
            onRolledBack.run();
            tasks.say("Rolled back: the stack is as it was before the run.");
        }, tasks::showError);
    }

    /** Asks the session what rollback would do next and updates the button. */
    void refresh() {
        ResetSession active = session.get();
        if (active == null) {
            return;
        }
        tasks.read("Reading the journal", p -> active.nextUndo(), next -> {
            canRollback.set(next.isPresent());
            hint.set(next.map(text -> "Undo this run and put the stack back as it was before it (the undo plan"
                    + " is shown first; it begins with: " + lowerFirst(text) + ")").orElse("Nothing to roll back"));
        });
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    public BooleanProperty canRollbackProperty() {
        return canRollback;
    }

    public StringProperty hintProperty() {
        return hint;
    }
}
