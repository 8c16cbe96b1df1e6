package io.github.influxreset.engine.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.testing.FakeDocker;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks read from the services' settings, on HomeIQ's two org names: the compose default
 * {@code ha-ingestor} that the image sets up, and the brief's {@code homeiq} in the profile.
 */
class ServiceSettingsChecksTest {
    @TempDir
    Path dir;
    TestStack stack;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private List<Finding> findings(String subject) {
        return new PrerequisiteChecks(stack.profile, stack.ports).run().stream().filter(f -> f.subject().equals(subject))
                .toList();
    }

    private FakeDocker.Container service(String name) {
        return stack.docker.containers().stream().filter(c -> c.service.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anImageThatSetsUpAnotherOrgIsAnErrorBeforeAnythingChanges() {
        service("influxdb").environment.put("DOCKER_INFLUXDB_INIT_MODE", "setup");
        service("influxdb").environment.put("DOCKER_INFLUXDB_INIT_ORG", "ha-ingestor");

        List<Finding> org = findings("Org");

        assertEquals(1, org.size(), org.toString());
        assertEquals(Severity.ERROR, org.get(0).severity());
        assertTrue(org.get(0).message().contains("sets up org 'ha-ingestor'") && org.get(0).message().contains(
                "Set influx.org: ha-ingestor in the profile"), org.get(0).message());
    }

    @Test
    void servicesWritingToAnotherOrgAreAWarningNamingThem() {
        service("enrichment-pipeline").environment.put("INFLUXDB_ORG", "ha-ingestor");
        service("data-api").environment.put("INFLUXDB_ORG", "ha-ingestor");

        List<Finding> org = findings("Org");

        assertEquals(1, org.size(), org.toString());
        assertEquals(Severity.WARNING, org.get(0).severity());
        assertTrue(org.get(0).message().startsWith("services data-api, enrichment-pipeline write to org 'ha-ingestor'"),
                org.get(0).message());
    }

    @Test
    void theSameOrgEverywhereSaysNothing() {
        service("influxdb").environment.put("DOCKER_INFLUXDB_INIT_MODE", "setup");
        service("influxdb").environment.put("DOCKER_INFLUXDB_INIT_ORG", stack.profile.influx().org());
        service("enrichment-pipeline").environment.put("INFLUXDB_ORG", stack.profile.influx().org());

        assertEquals(List.of(), findings("Org"));
    }

    @Test
    void aRunningWriterTheProfileLeavesOutIsAWarning() {
        stack.docker.addContainer("homeiq", "carbon-intensity", "homeiq/carbon-intensity", List.of(), true);
        service("carbon-intensity").environment.put("INFLUXDB_TOKEN", "not-shown");

        List<Finding> writer = findings("Service carbon-intensity");

        assertEquals(1, writer.size(), writer.toString());
        assertEquals(Severity.WARNING, writer.get(0).severity());
        assertTrue(writer.get(0).message().contains("its environment has INFLUXDB_TOKEN"), writer.get(0).message());
        assertTrue(!writer.get(0).message().contains("not-shown"), "no value of a variable is shown");
    }
}
