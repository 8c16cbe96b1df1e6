package io.github.influxreset.config;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code buckets:}: unique names, retentions of at least 1h (or 0 for infinite). */
final class BucketReader {
    List<BucketSpec> read(YamlNode node) {
        List<BucketSpec> buckets = new ArrayList<>();
        for (YamlNode item : node.items()) {
            item.allowOnly("name", "retention");
            String name = item.get("name").text();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw item.get("name").error("'" + name + "' is not a valid bucket name (letters, digits, _ . -)");
            }
            if (buckets.stream().anyMatch(b -> b.name().equals(name))) {
                throw item.get("name").error("repeats bucket '" + name + "'; each bucket may appear once");
            }
            buckets.add(new BucketSpec(name, retention(item.get("retention"))));
        }
        if (buckets.isEmpty()) {
            throw node.error("must list at least one bucket");
        }
        return buckets;
    }

    private static Retention retention(YamlNode node) {
        String text = node.text();
        Retention retention = Retention.parse(text).orElseThrow(() -> node.error(
                "'" + text + "' is not a duration; write it like 365d, 12h, 2w or 0 for infinite"));
        if (retention.isAboveMaximum()) {
            throw node.error("'" + text + "' is longer than InfluxDB can hold (at most " + Retention.MAXIMUM.toDays()
                    + "d, about 68 years); use a shorter retention, or 0 for infinite");
        }
        if (retention.isBelowMinimum()) {
            throw node.error("'" + text + "' is under the minimum of 1h; use 1h or more, or 0 for infinite");
        }
        return retention;
    }
}
