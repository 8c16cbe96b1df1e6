package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.Optional;

/** The four field types of InfluxDB line protocol. */
public enum FieldType {
    FLOAT, INTEGER, STRING, BOOLEAN;

    public String yamlName() {
        return name().toLowerCase();
    }

    public static Optional<FieldType> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equalsIgnoreCase(name)).findFirst();
    }
}
