package io.github.influxreset.influx.v2double;

import io.github.influxreset.testing.Point;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The delete predicates the product sends: {@code _measurement="m" AND "tag"="value"}. */
final class DeletePredicate {
    private static final Pattern PAIR = Pattern.compile("\"?([A-Za-z0-9_.]+)\"?\\s*=\\s*\"([^\"]*)\"");
    private final Map<String, String> equals = new LinkedHashMap<>();

    DeletePredicate(String predicate) {
        Matcher matcher = PAIR.matcher(predicate);
        while (matcher.find()) {
            equals.put(matcher.group(1), matcher.group(2));
        }
    }

    boolean matches(Point point) {
        for (Map.Entry<String, String> condition : equals.entrySet()) {
            String actual = condition.getKey().equals("_measurement") ? point.measurement() : point.tags().get(condition.getKey());
            if (!condition.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }
}
