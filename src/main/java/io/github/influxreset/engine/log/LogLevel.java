package io.github.influxreset.engine.log;

import io.github.influxreset.domain.Severity;

/** Levels of the log bus, least to most severe. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** The level a finding is logged at: errors as ERROR, warnings as WARN, the rest as INFO. */
    public static LogLevel of(Severity severity) {
        return switch (severity) {
            case ERROR -> ERROR;
            case WARNING -> WARN;
            default -> INFO;
        };
    }

    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }
}
