package io.github.influxreset.ui;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The part every step's view model shares: which step it is, its state, and whether the wizard
 * may go on. Subclasses add the step's own properties and commands. UI thread only.
 */
public abstract class StepViewModel {
    private final Step step;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);
    private final BooleanBinding canAdvance = Bindings.createBooleanBinding(
            () -> state.get() == StepState.DONE || state.get() == StepState.SKIPPED, state);
    protected final StepContext wizard;

    protected StepViewModel(Step step, StepContext wizard) {
        this.step = step;
        this.wizard = wizard;
    }

    public Step step() {
        return step;
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state;
    }

    public StepState state() {
        return state.get();
    }

    void setState(StepState newState) {
        state.set(newState);
    }

    public BooleanBinding canAdvanceProperty() {
        return canAdvance;
    }

    /** Progress of this step's running work, on the UI thread: which action is under way. */
    protected void onProgress(double fraction, String message) {
    }

    /** On the UI thread: the step's running work starts this service now and waits until it is up. */
    protected void onServiceStarting(String service) {
    }

    /** On the UI thread: a service the step's running work started is up. */
    protected void onServiceUp(String service) {
    }

    /** Where the wizard delivers this step's progress and service events. */
    final Progress progressSink() {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                onProgress(fraction, message);
            }

            @Override
            public void serviceStarting(String service) {
                onServiceStarting(service);
            }

            @Override
            public void serviceUp(String service) {
                onServiceUp(service);
            }
        };
    }

    /** Called when the wizard shows this step. */
    public void onEnter() {
    }

    /** Forgets what the step showed: a new profile, or a rollback, starts the flow again. */
    public void clear() {
        state.set(StepState.PENDING);
    }
}
