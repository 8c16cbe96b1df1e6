package io.github.influxreset.steps.confirm;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: shows the plan and enables "Reset" only when the user has typed the org (or database)
 * name. Confirming runs the confirmation gate and moves on to the reset.
 */
public final class ConfirmViewModel extends StepViewModel {
    private final ObservableList<PlannedAction> plan = FXCollections.observableArrayList();
    private final StringProperty word = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty consequence = new SimpleStringProperty("");
    private final StringProperty downtimeCarrying = new SimpleStringProperty("");
    private final StringProperty downtimeNot = new SimpleStringProperty("");
    private final BooleanProperty keepData = new SimpleBooleanProperty(false);
    private final BooleanProperty canKeepData = new SimpleBooleanProperty(false);
    private final BooleanProperty keepDataFixed = new SimpleBooleanProperty(false);
    private final StringProperty forecast = new SimpleStringProperty("");
    private final StringProperty actionName = new SimpleStringProperty("Reset");
    private final BooleanBinding canReset;
    private final StringBinding typedWrong = Bindings.createStringBinding(() -> whyNot(word.get(),
            typed.get()), word, typed);

    public ConfirmViewModel(StepContext wizard) {
        super(Step.CONFIRM, wizard);
        canReset = Bindings.createBooleanBinding(() -> !word.get().isEmpty() && word.get().equals(typed.get().trim())
                && !wizard.busyProperty().get() && state() != StepState.DONE, word, typed, wizard.busyProperty(), stateProperty());
    }

    /** The plan's actions, in order. */
    public ObservableList<PlannedAction> plan() {
        return plan;
    }

    public StringProperty wordProperty() {
        return word;
    }

    /** Whether the old points are carried into the new schema (on by default when the backup holds data). */
    public BooleanProperty keepDataProperty() {
        return keepData;
    }

    /** True when the run forecast what carrying would do: the choice is offered. */
    public BooleanProperty canKeepDataProperty() {
        return canKeepData;
    }

    /** The name of what confirming starts: "Reset", or "Move" for a move. */
    public StringProperty actionNameProperty() {
        return actionName;
    }

    /** True for a move: carrying the points is what it does, so the choice is shown made. */
    public BooleanProperty keepDataFixedProperty() {
        return keepDataFixed;
    }

    /** The forecast, per bucket and measurement: carried, converted, left out and why. */
    public StringProperty forecastProperty() {
        return forecast;
    }

    /** What the confirmed plan does to the data, in one sentence, before the word to type. */
    /** Which services stop, for about how long, with the old points carried or not as chosen now. */
    public StringExpression downtimeProperty() {
        return Bindings.when(keepData.and(canKeepData)).then(downtimeCarrying).otherwise(downtimeNot);
    }

    public StringProperty consequenceProperty() {
        return consequence;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }

    /** Why the typed text does not enable the button (case, spelling); empty while nothing or the word is typed. */
    public StringBinding typedWrongProperty() {
        return typedWrong;
    }

    static String whyNot(String word, String typed) {
        String text = typed.trim();
        if (text.isEmpty() || text.equals(word)) {
            return "";
        }
        return text.equalsIgnoreCase(word) ? "'" + text + "' differs from '" + word + "' in upper and lower case: type it"
                + " exactly as shown." : "'" + text + "' is not '" + word + "': type the name exactly as shown.";
    }

    @Override
    public void onEnter() {
        ResetSession session = wizard.session();
        word.set(session.profile().confirmationWord());
        var mode = wizard.modeProperty().get();
        wizard.load("Reading the plan", progress -> new PlanAndForecast(session.plan(mode), session.carryForecast(),
                session.downtimeForecast(true).orElse(""), session.downtimeForecast(false).orElse("")), read -> {
                    keepDataFixed.set(read.plan().mode() == ResetMode.MOVE);
                    actionName.set(keepDataFixed.get() ? "Move" : "Reset");
                    show(read.plan());
                    showForecast(read.forecast());
                    downtimeCarrying.set(read.downtimeCarrying());
                    downtimeNot.set(read.downtimeNot());
                });
    }

    /** What the step shows, read off the FX thread: the journal and the plan. */
    private record PlanAndForecast(Plan plan, Optional<List<String>> forecast, String downtimeCarrying,
                                   String downtimeNot) {
    }

    private void showForecast(Optional<List<String>> lines) {
        canKeepData.set(lines.isPresent());
        forecast.set(lines.map(l -> l.isEmpty() ? "The backup holds no old points to carry." : String.join("\n", l))
                .orElse(""));
        keepData.set(lines.map(l -> !l.isEmpty()).orElse(false) || keepDataFixed.get());
    }

    /**
     * Confirms with the typed word and goes on to the reset step, which starts at once; from there the
     * run goes on by itself through validation and the restart (no click waited for while services are down).
     */
    public void confirmAndReset() {
        if (!canReset.get()) {
            return;
        }
        ResetSession session = wizard.session();
        String confirmation = typed.get();
        var mode = wizard.modeProperty().get();
        boolean carry = keepData.get() && canKeepData.get();
        wizard.forgetStepsAfter(this);
        wizard.execute(this, "Confirming", progress -> {
            session.confirm(confirmation);
            session.chooseKeepData(carry);
            session.runStep(Step.CONFIRM, mode, progress);
            return null;
        }, ignored -> StepState.DONE, () -> wizard.goOnFrom(this));
    }

    @Override
    public void clear() {
        super.clear();
        typed.set("");
        plan.clear();
    }

    private void show(Plan plan) {
        this.plan.setAll(plan.actions());
        boolean deletes = plan.actions().stream().anyMatch(a -> a.action().destructive());
        if (plan.mode() == ResetMode.MOVE) {
            consequence.set("Nothing on the 1.x server is changed and no service stops: the points are copied into new "
                    + "buckets of the 2.x server while the services keep writing to 1.x, then what they wrote meanwhile. "
                    + "After you switch them to 2.x, 'influx-reset move --catch-up' copies what 1.x took since.");
            return;
        }
        if (plan.mode() == ResetMode.ONLINE) {
            consequence.set("No service stops and nothing is deleted: new buckets are filled beside the live ones, then "
                    + "the services are switched to them by name (a moment of milliseconds); the old buckets stay under "
                    + "the run's name until you delete them.");
            return;
        }
        consequence.set(deletes ? "This deletes InfluxDB data (the verified backup keeps it)."
                : "Nothing is deleted and no service stops: the buckets are changed in place (the verified backup is "
                + "there all the same).");
    }
}
