package io.github.influxreset.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each service of a stack that uses InfluxDB 1.x must change to use the 2.x server it moved to:
 * the URL, a token instead of a user and password, the org, the bucket instead of the database.
 * Read from the services' environment as discovery saw it. Values of secrets are never repeated:
 * a variable that holds a password or token is named, never shown. Pure.
 */
public final class MoveSettings {
    private static final List<String> SECRET_WORDS = List.of("TOKEN", "PASSWORD", "PASS", "SECRET");

    private final ComposeProject project;
    private final String influxService;
    private final InfluxSpec target;
    private final List<String> buckets;

    public MoveSettings(ComposeProject project, String influxService, InfluxSpec target, List<String> buckets) {
        this.project = project;
        this.influxService = influxService;
        this.target = target;
        this.buckets = List.copyOf(buckets);
    }

    /** Per service that uses InfluxDB (by name), the changes it needs, one sentence each. */
    public Map<String, List<String>> changes() {
        Map<String, List<String>> changes = new TreeMap<>();
        Map<String, String> users = new InfluxUsers(project, influxService).reasons();
        for (ComposeService service : project.services()) {
            if (users.containsKey(service.name())) {
                changes.put(service.name(), changesOf(service.environment()));
            }
        }
        return changes;
    }

    private List<String> changesOf(Map<String, String> environment) {
        List<String> lines = new ArrayList<>();
        Map<String, String> influxVariables = new TreeMap<>();
        environment.forEach((key, value) -> {
            if (key.toUpperCase(Locale.ROOT).startsWith("INFLUX")) {
                influxVariables.put(key, value);
            }
        });
        influxVariables.forEach((key, value) -> change(key, value).ifPresent(lines::add));
        lines.add("set INFLUXDB_ORG=" + target.org());
        lines.add("give it a token of org " + target.org() + " that may write to " + String.join(", ", buckets)
                + " (INFLUXDB_TOKEN)");
        if (influxVariables.keySet().stream().noneMatch(MoveSettings::isUrl)) {
            lines.add("point it at " + target.url() + " (its InfluxDB address is not in its environment)");
        }
        lines.add("if it queries with InfluxQL (/query?db=…), map each database to its bucket first "
                + "(influx v1 dbrp create --db NAME --rp autogen --bucket-id ID --default)");
        return lines;
    }

    private Optional<String> change(String key, String value) {
        String upper = key.toUpperCase(Locale.ROOT);
        if (isUrl(key)) {
            return Optional.of("set " + key + "=" + newUrl(value));
        }
        if (upper.endsWith("_DB") || upper.endsWith("_DATABASE")) {
            String bucket = buckets.contains(value) ? value : buckets.isEmpty() ? "BUCKET" : buckets.get(0);
            return Optional.of("replace " + key + " with INFLUXDB_BUCKET=" + bucket);
        }
        if (upper.endsWith("_USER") || upper.endsWith("_USERNAME") || SECRET_WORDS.stream().anyMatch(upper::contains)) {
            return upper.contains("TOKEN") ? Optional.of("replace the 1.x value of " + key + " with the 2.x token")
                    : Optional.of("drop " + key + " (2.x takes the token instead)");
        }
        return Optional.empty();
    }

    /**
     * The 2.x server's address as the service reaches it: by its compose service name where the old
     * address named the 1.x service (inside the compose network, on 2.x's port 8086), else as this
     * host reaches it.
     */
    private String newUrl(String oldValue) {
        String host;
        try {
            host = URI.create(oldValue.trim()).getHost();
        } catch (IllegalArgumentException notAUrl) {
            host = null;
        }
        return influxService.equals(host) ? "http://" + target.service() + ":8086 (inside the compose network; "
                + target.url() + " from this host)" : target.url();
    }

    private static boolean isUrl(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return upper.endsWith("_URL") || upper.endsWith("_HOST") || upper.endsWith("_ADDRESS");
    }
}
