package io.github.influxreset.engine;

/** An action at its place in a plan. */
public record PlannedAction(int index, Step step, Action action) {
    public String describe() {
        return action.describe();
    }
}
