package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who uses InfluxDB in a HomeIQ-shaped project, and the order compose starts them in. */
class InfluxUsersTest {
    private static ComposeService service(String name, Map<String, String> env, String... dependsOn) {
        return new ComposeService(name, "homeiq-" + name + "-1", "homeiq/" + name, true, Map.of(), false, List.of(), env,
                List.of(dependsOn));
    }

    private static final ComposeProject HOMEIQ = new ComposeProject("homeiq", Optional.empty(), List.of(), Optional.empty(),
            List.of(service("influxdb", Map.of("DOCKER_INFLUXDB_INIT_ORG", "ha-ingestor")),
                    service("websocket-ingestion", Map.of(), "enrichment-pipeline", "data-api"),
                    service("enrichment-pipeline", Map.of("INFLUXDB_URL", "http://influxdb:8086"), "influxdb"),
                    service("data-api", Map.of("DATABASE_URL", "sqlite:///./data/metadata.db"), "influxdb"),
                    service("sports-data", Map.of("PORT", "8005")),
                    service("carbon-intensity", Map.of("INFLUXDB_TOKEN", "t")),
                    service("weather-api", Map.of("STORE", "influxdb:8086"))));

    @Test
    void writersAndTheirDependentsAreUsersAndTheReasonIsSaid() {
        Map<String, String> reasons = new InfluxUsers(HOMEIQ, "influxdb").reasons();
        assertEquals(List.of("carbon-intensity", "data-api", "enrichment-pipeline", "weather-api", "websocket-ingestion"),
                List.copyOf(reasons.keySet()));
        assertEquals("its environment has INFLUXDB_TOKEN", reasons.get("carbon-intensity"));
        assertEquals("depends on influxdb", reasons.get("data-api"));
        assertEquals("STORE names influxdb", reasons.get("weather-api"));
        assertTrue(reasons.get("websocket-ingestion").startsWith("depends on "), reasons.get("websocket-ingestion"));
    }

    @Test
    void aSecondInfluxDbServerBesideTheStackIsNoUserOfIt() {
        List<ComposeService> withV2 = new java.util.ArrayList<>(HOMEIQ.services());
        withV2.add(new ComposeService("influxdb2", "homeiq-influxdb2-1", "influxdb:2.7", true, Map.of(), false, List.of(),
                Map.of("INFLUX_CONFIGS_PATH", "/etc/influxdb2/influx-configs", "DOCKER_INFLUXDB_INIT_MODE", "setup"),
                List.of("influxdb")));
        ComposeProject moving = new ComposeProject("homeiq", Optional.empty(), List.of(), Optional.empty(), withV2);

        assertFalse(new InfluxUsers(moving, "influxdb").reasons().containsKey("influxdb2"),
                "the server the stack moves to writes to nothing");
    }

    @Test
    void everyServiceStartsAfterWhatItDependsOn() {
        List<String> order = new InfluxUsers(HOMEIQ, "influxdb").inStartOrder();
        assertTrue(order.indexOf("websocket-ingestion") > order.indexOf("enrichment-pipeline"), order.toString());
        assertTrue(order.indexOf("websocket-ingestion") > order.indexOf("data-api"), order.toString());
        assertEquals(List.of("carbon-intensity", "data-api", "enrichment-pipeline", "weather-api", "websocket-ingestion"),
                order);
    }

    @Test
    void anOrderGivenAgainstTheDependenciesIsPutRightAndACycleKeepsTheGivenOrder() {
        InfluxUsers users = new InfluxUsers(HOMEIQ, "influxdb");
        assertEquals(List.of("data-api", "enrichment-pipeline", "websocket-ingestion"),
                users.startOrder(List.of("websocket-ingestion", "data-api", "enrichment-pipeline")));
        ComposeProject cycle = new ComposeProject("c", Optional.empty(), List.of(), Optional.empty(),
                List.of(service("a", Map.of(), "b"), service("b", Map.of(), "a"), service("c", Map.of())));
        assertEquals(List.of("c", "a", "b"), new InfluxUsers(cycle, "influxdb").startOrder(List.of("a", "b", "c")));
    }

    @Test
    void theComposeLabelIsRead() {
        assertEquals(List.of("enrichment-pipeline", "data-api"),
                ComposeService.parseDependsOn("enrichment-pipeline:service_healthy:false, data-api:service_healthy:false"));
        assertEquals(List.of("influxdb"), ComposeService.parseDependsOn("influxdb"));
        assertEquals(List.of(), ComposeService.parseDependsOn(""));
    }
}
