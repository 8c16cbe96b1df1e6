package io.github.influxreset.engine;

/** Levels of the log bus, least to most severe. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }
}
