package io.github.influxreset.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a health endpoint's 2xx reply really says healthy. HomeIQ's services answer 200 with
 * {@code "status": "unhealthy"} when InfluxDB is gone, or list a dependency as
 * {@code "disconnected"}: a JSON reply whose {@code status} (top level, or of any entry of
 * {@code dependencies}) is one of the failing words is not healthy. A reply that is not JSON, or
 * says nothing of its status, is judged by its HTTP status alone.
 */
final class HealthReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FAILING = Set.of("unhealthy", "error", "fail", "failed", "failing", "down", "critical",
            "disconnected", "not connected", "unavailable", "degraded");

    private HealthReply() {
    }

    /** Empty when the body does not contradict the 2xx; else what it says, in its own words. */
    static Optional<String> contradiction(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        if (failing(root.get("status"))) {
            return Optional.of("its reply says status " + root.get("status").asText());
        }
        JsonNode dependencies = root.get("dependencies");
        if (dependencies != null && dependencies.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = it.next();
                JsonNode status = dependency.getValue().isObject() ? dependency.getValue().get("status") : dependency.getValue();
                if (failing(status)) {
                    return Optional.of("its reply says dependency " + dependency.getKey() + " is " + status.asText());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean failing(JsonNode status) {
        return status != null && status.isTextual() && FAILING.contains(status.asText().strip().toLowerCase(Locale.ROOT));
    }
}
