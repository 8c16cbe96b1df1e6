package io.github.influxreset.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.influx.v2double.InfluxV2Double;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 2.x scenarios against the in-process double; every exchange is checked against the published
 * OpenAPI contract and any violation fails the test.
 */
class InfluxV2AdapterTest extends InfluxV2Scenarios {
    private InfluxV2Double current;

    @Override
    Server fresh() {
        return wrap(new InfluxV2Double());
    }

    @Override
    Server setUp(String org, String token) {
        return wrap(InfluxV2Double.setUp(org, token));
    }

    private Server wrap(InfluxV2Double target) {
        current = target;
        return new Server() {
            public String url() {
                return target.url();
            }

            public String version() {
                return InfluxV2Double.VERSION;
            }

            public void createBucket(String name, long everySeconds) {
                target.createBucket(name, everySeconds);
            }

            public long points(String bucket) {
                return target.points(bucket);
            }

            public void close() {
                target.close();
            }
        };
    }

    @AfterEach
    void contractHeld() {
        if (current != null) {
            current.close();
            assertEquals(List.of(), current.violations(), "requests and responses follow oss.yml");
        }
    }

    @Test
    void theContractCheckCatchesARequestThatBreaksIt() throws Exception {
        current = InfluxV2Double.setUp("homeiq", TOKEN);
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(current.url() + "/api/v2/buckets"))
                .header("Authorization", "Token " + TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"retentionRules\": []}")).build();
        http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());

        List<String> violations = current.violations();
        assertTrue(violations.stream().anyMatch(v -> v.contains("POST /api/v2/buckets") && v.contains("name")), violations.toString());
        current.close();
        current = null;
    }

}
