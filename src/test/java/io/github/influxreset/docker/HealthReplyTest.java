package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HTTP 200 is not healthy when the reply says otherwise, as HomeIQ's services answer. */
class HealthReplyTest {
    @Test
    void anUnhealthyStatusIsNotHealthy() {
        assertEquals(Optional.of("its reply says status unhealthy"),
                HealthReply.contradiction("{\"status\":\"unhealthy\",\"service\":\"enrichment-pipeline\"}"));
    }

    @Test
    void aDisconnectedDependencyIsNotHealthy() {
        assertEquals(Optional.of("its reply says dependency influxdb is disconnected"), HealthReply.contradiction(
                "{\"status\":\"healthy\",\"dependencies\":{\"influxdb\":{\"status\":\"disconnected\"},\"sqlite\":\"ok\"}}"));
    }

    @Test
    void aHealthyOrSilentReplyIsJudgedByItsHttpStatus() {
        assertEquals(Optional.empty(), HealthReply.contradiction("{\"status\":\"pass\",\"version\":\"2.7.12\"}"));
        assertEquals(Optional.empty(), HealthReply.contradiction(
                "{\"status\":\"healthy\",\"dependencies\":{\"influxdb\":{\"status\":\"connected\"}}}"));
        assertEquals(Optional.empty(), HealthReply.contradiction("OK"));
        assertEquals(Optional.empty(), HealthReply.contradiction(""));
    }
}
