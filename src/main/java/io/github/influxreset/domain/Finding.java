package io.github.influxreset.domain;

/**
 * One result of a check or a validation: what was looked at, what was found, and how bad it is.
 */
public record Finding(Severity severity, String subject, String message) {
    public static Finding ok(String subject, String message) {
        return new Finding(Severity.OK, subject, message);
    }

    public static Finding warning(String subject, String message) {
        return new Finding(Severity.WARNING, subject, message);
    }

    public static Finding error(String subject, String message) {
        return new Finding(Severity.ERROR, subject, message);
    }

    public static Finding info(String subject, String message) {
        return new Finding(Severity.INFO, subject, message);
    }
}
