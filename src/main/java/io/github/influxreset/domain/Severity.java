package io.github.influxreset.domain;

/** How much a finding matters; ordered from harmless to blocking. */
public enum Severity {
    OK, INFO, WARNING, ERROR;

    public boolean isProblem() {
        return this == ERROR;
    }
}
