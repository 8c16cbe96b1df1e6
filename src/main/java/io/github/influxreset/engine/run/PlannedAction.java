package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Step;

/** An action at its place in a plan. */
public record PlannedAction(int index, Step step, Action action) {
    public String describe() {
        return action.describe();
    }
}
