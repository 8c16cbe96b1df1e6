package io.github.influxreset.cli;

import io.github.influxreset.domain.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How findings look on the command line. */
final class Findings {
    private Findings() {
    }

    /** {@code OK     Docker engine: reachable, version 28.2.2}. */
    static String line(Finding finding) {
        return String.format("%-7s %s: %s", finding.severity(), finding.subject(), finding.message());
    }

    static List<Map<String, String>> toJson(List<Finding> findings) {
        return findings.stream().map(f -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("severity", f.severity().name());
            row.put("subject", f.subject());
            row.put("message", f.message());
            return row;
        }).toList();
    }
}
