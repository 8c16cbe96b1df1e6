package io.github.influxreset.domain;

/** Where a step stands in the current run. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED, SKIPPED;

    public String cssClass() {
        return name().toLowerCase();
    }
}
