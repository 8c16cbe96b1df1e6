package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.RunRecord;
import io.github.influxreset.engine.RunStatus;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reset --mode online --keep-data} on the real InfluxDB 2.7.12 of the HomeIQ-shaped rig,
 * 20,000 points with normalized_value written as integers (the schema says float) and a tag the
 * profile drops, while a service writes a numbered point five times a second: the writer is never
 * stopped, every point it had acknowledged is in the new bucket afterwards, which has the profile's
 * types, and the old bucket is kept under the run's name. Then {@code rollback} of the finished run
 * switches back, with every point the writer acknowledged in between.
 */
@ExtendWith(RequiresDocker.class)
class OnlineResetOnRealServerTest {
    private static final int POINTS = 20_000;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;

    @Test
    void theServicesKeepWritingThroughTheResetAndItsRollbackAndNoAcknowledgedPointIsLost() throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("rig")).withCarryRule("extraTags: drop").start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            if (!influx.bucketIds().containsKey(EVENTS)) {
                influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            influx.write(EVENTS, KeepDataOnRealServersTest.lines(POINTS, 0));
            String oldId = influx.bucketIds().get(EVENTS);
            RigWriter writer = RigWriter.start(rig);
            Instant writerStarted = writer.lastStart();
            Path profile = RigWriter.listedIn(rig.profile.source().orElseThrow());
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));

            CliRun reset = CliRun.run(app, "", "--profile", profile.toString(), "reset", "--mode", "online", "--keep-data",
                    "--yes");

            assertEquals(0, reset.code(), reset.err());
            writer.awaitWrites(5);
            assertEquals(writerStarted, writer.lastStart(), "the writer was never stopped");
            RunRecord run = app.journal(rig.profile).runs().get(0);
            SwitchNames names = new SwitchNames(EVENTS, run.id());
            assertEquals(oldId, influx.bucketIds().get(names.before()), "the old bucket kept under the run's name");
            assertEquals((long) POINTS, influx.countPoints(EVENTS).get(EVENTS), "every old point carried");
            assertEquals(FieldType.FLOAT, influx.fieldKeys(EVENTS, EVENTS).get("normalized_value"), "in the profile's types");
            Set<Long> acknowledged = writer.acknowledged();
            assertEquals(Set.of(), missing(acknowledged, influx, EVENTS), "every point the writer had acknowledged ("
                    + acknowledged.size() + ") is in the new bucket");
            System.out.println("ONLINE RESET (2.7.12, " + POINTS + " points): writer's longest gap between acknowledged "
                    + "points " + writer.longestGap().toMillis() + " ms; " + reset.err().lines()
                    .filter(l -> l.contains("the switch took")).findFirst().orElse("(no switch line)"));

            CliRun rollback = CliRun.run(app, "", "--profile", profile.toString(), "rollback", run.id());

            assertEquals(0, rollback.code(), rollback.out() + rollback.err());
            writer.awaitWrites(5);
            assertEquals(RunStatus.ROLLED_BACK, app.journal(rig.profile).run(run.id()).orElseThrow().status());
            assertEquals(oldId, influx.bucketIds().get(EVENTS), "the old bucket has its name again");
            assertEquals(Set.of(), missing(writer.acknowledged(), influx, EVENTS),
                    "every point the writer acknowledged, also those written to the new bucket, is in the old one");
            assertTrue(influx.bucketIds().containsKey(names.undone()), "the new bucket is kept, not deleted");
            assertEquals(writerStarted, writer.lastStart(), "and the writer was never stopped");
        }
    }

    @Test
    void aBucketThe1xApiReachesThroughAMappingIsRefusedBeforeAnythingChanges() throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("mapped")).start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            if (!influx.bucketIds().containsKey(EVENTS)) {
                influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            Map<String, String> before = influx.bucketIds();
            String orgId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http(rig, "GET", "/api/v2/orgs?org=homeiq",
                    null)).path("orgs").get(0).path("id").asText();
            http(rig, "POST", "/api/v2/dbrps", "{\"orgID\":\"" + orgId + "\",\"bucketID\":\"" + before.get(EVENTS)
                    + "\",\"database\":\"home_assistant\",\"retention_policy\":\"autogen\",\"default\":true}");
            AppContext app = new AppContext(new AppHome(dir.resolve("mapped-home")), new ProfileLoader(Map.of(), dir));

            CliRun reset = CliRun.run(app, "", "--profile", rig.profile.source().orElseThrow().toString(), "reset", "--mode",
                    "online", "--yes");

            assertEquals(2, reset.code(), reset.err());
            assertTrue(reset.err().contains("An online reset cannot switch home_assistant_events (home_assistant/autogen)"),
                    reset.err());
            assertEquals(before, influx.bucketIds(), "nothing changed");
        }
    }

    private static String http(RigStack rig, String method, String path, String json) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(rig.url() + path))
                .header("Authorization", "Token " + RigStack.TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 300, path + ": " + answer.body());
        return answer.body();
    }

    private static Set<Long> missing(Set<Long> acknowledged, InfluxPort influx, String bucket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export(bucket, out);
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(RigWriter.numbersIn(out.toString(StandardCharsets.UTF_8)));
        return missing;
    }
}
