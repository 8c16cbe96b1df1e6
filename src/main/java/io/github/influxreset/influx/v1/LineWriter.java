package io.github.influxreset.influx.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.LineProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Turns the series of a {@code SELECT * ... GROUP BY *} answer back into line protocol. */
final class LineWriter {
    private final String measurement;
    private final Map<String, FieldType> types;

    LineWriter(String measurement, Map<String, FieldType> types) {
        this.measurement = measurement;
        this.types = types;
    }

    /** Writes one line per row that has at least one field; returns how many. */
    long write(JsonNode series, Consumer<String> lines) {
        Map<String, String> tags = new LinkedHashMap<>();
        series.path("tags").fields().forEachRemaining(e -> {
            if (!e.getValue().asText().isEmpty()) {
                tags.put(e.getKey(), e.getValue().asText());
            }
        });
        JsonNode columns = series.path("columns");
        long written = 0;
        for (JsonNode row : series.path("values")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 1; i < columns.size(); i++) {
                JsonNode value = row.path(i);
                if (!value.isNull() && !value.isMissingNode()) {
                    String name = columns.path(i).asText();
                    fields.put(name, typed(types.getOrDefault(name, FieldType.FLOAT), value));
                }
            }
            if (!fields.isEmpty()) {
                lines.accept(LineProtocol.point(measurement, tags, fields, row.path(0).asLong()));
                written++;
            }
        }
        return written;
    }

    private static Object typed(FieldType type, JsonNode value) {
        return switch (type) {
            case INTEGER -> value.asLong();
            case STRING -> value.asText();
            case BOOLEAN -> value.asBoolean();
            case FLOAT -> value.asDouble();
        };
    }
}
