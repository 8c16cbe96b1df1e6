package io.github.influxreset.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts one old point into a measurement's schema, losing nothing silently: keys renamed as the
 * schema's {@link CarryRule} says, values converted to the declared type when no information is
 * lost (integer → float, a numeric string → float or integer, a whole float → integer, any value →
 * string, {@code "true"}/{@code "false"} → boolean), tags the schema does not list kept, dropped or
 * made fields. A value that cannot be converted is left out and named; a point older than the
 * bucket's retention is skipped (InfluxDB would delete it at once). Pure.
 */
public final class PointConverter {
    private static final double EXACT_LIMIT = 0x1p53;

    /** What became of one point. */
    public record Result(Optional<LinePoint> point, boolean converted, boolean tooOld, boolean tagDropped,
                         Map<String, String> leftOut) {
        static Result old() {
            return new Result(Optional.empty(), false, true, false, Map.of());
        }
    }

    private final Optional<MeasurementSchema> schema;
    private final long cutoffNanos;

    /**
     * @param schema      the measurement's schema; empty carries the points as they are
     * @param cutoffNanos points older than this are skipped ({@link Long#MIN_VALUE}: none)
     */
    public PointConverter(Optional<MeasurementSchema> schema, long cutoffNanos) {
        this.schema = schema;
        this.cutoffNanos = cutoffNanos;
    }

    public Result convert(LinePoint point) {
        if (point.time() < cutoffNanos) {
            return Result.old();
        }
        if (schema.isEmpty()) {
            return new Result(Optional.of(point), false, false, false, Map.of());
        }
        MeasurementSchema target = schema.get();
        CarryRule rule = target.carry();
        boolean converted = false;
        boolean tagDropped = false;
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, LinePoint.Value> fields = new LinkedHashMap<>();
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : point.tags().entrySet()) {
            String key = rule.rename(tag.getKey());
            converted |= !key.equals(tag.getKey());
            if (target.declaresTag(key) || rule.extraTags() == CarryRule.ExtraTags.KEEP) {
                tags.put(key, tag.getValue());
            } else if (rule.extraTags() == CarryRule.ExtraTags.FIELD) {
                fields.put(key, LinePoint.Value.of(tag.getValue()));
                converted = true;
            } else {
                tagDropped = true;
                converted = true;
            }
        }
        for (Map.Entry<String, LinePoint.Value> field : point.fields().entrySet()) {
            String key = rule.rename(field.getKey());
            converted |= !key.equals(field.getKey());
            Optional<FieldType> wanted = target.fieldType(key);
            if (wanted.isEmpty() || wanted.get() == field.getValue().type()) {
                fields.put(key, field.getValue());
                continue;
            }
            Optional<LinePoint.Value> value = to(wanted.get(), field.getValue());
            if (value.isPresent()) {
                fields.put(key, value.get());
                converted = true;
            } else {
                leftOut.put(key, field.getValue().example());
            }
        }
        if (fields.isEmpty()) {
            return new Result(Optional.empty(), converted, false, tagDropped, leftOut);
        }
        return new Result(Optional.of(new LinePoint(target.measurement(), tags, fields, point.time())), converted, false,
                tagDropped, leftOut);
    }

    /** The value as {@code type} when that loses nothing; empty otherwise. */
    static Optional<LinePoint.Value> to(FieldType type, LinePoint.Value value) {
        Object v = value.value();
        return switch (type) {
            case FLOAT -> asFloat(v).map(LinePoint.Value::of);
            case INTEGER -> asInteger(v).map(LinePoint.Value::of);
            case STRING -> Optional.of(LinePoint.Value.of(v instanceof Double d ? value.text() : String.valueOf(v)));
            case BOOLEAN -> v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                    ? Optional.of(LinePoint.Value.of(Boolean.parseBoolean(s))) : Optional.empty();
        };
    }

    private static Optional<Object> asFloat(Object v) {
        if (v instanceof Long l) {
            double d = l;
            return Math.abs(d) < EXACT_LIMIT && (long) d == l ? Optional.of(d) : Optional.empty();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.strip());
                return Double.isFinite(d) && s.strip().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")
                        ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> asInteger(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) <= EXACT_LIMIT ? Optional.of(d.longValue()) : Optional.empty();
        }
        if (v instanceof String s && s.strip().matches("[-+]?[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(s.strip()));
        }
        return Optional.empty();
    }
}
