package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.SwitchNames;
import io.github.influxreset.engine.actions.RemakeMappings;
import io.github.influxreset.engine.actions.RepointMappings;
import io.github.influxreset.engine.plan.ResetPlanner;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.BlackBox;
import io.github.influxreset.testing.CliProcess;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code reset --mode online --keep-data} on the real InfluxDB 2.7.12 of the HomeIQ-shaped rig,
 * 20,000 points with normalized_value written as integers (the schema says float) and a tag the
 * profile drops, while a service writes a numbered point five times a second: the writer is never
 * stopped, every point it had acknowledged is in the new bucket afterwards, which has the profile's
 * types, and the old bucket is kept under the run's name. Then {@code rollback} of the finished run
 * switches back, with every point the writer acknowledged in between. A writer of the 1.x API
 * through a DBRP mapping follows the reset and its rollback.
 */
@ExtendWith(RequiresDocker.class)
class OnlineResetOnRealServerIT {
    private static final int POINTS = 20_000;
    private static final String EVENTS = "home_assistant_events";

    @TempDir
    Path dir;

    @Test
    void theServicesKeepWritingThroughTheResetAndItsRollbackAndNoAcknowledgedPointIsLost() throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("rig")).withCarryRule("extraTags: drop").start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            BlackBox.seedEvents(influx, POINTS);
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
            assertEquals(Set.of(), RigWriter.missingFrom(acknowledged, influx, EVENTS), "every point the writer had acknowledged ("
                    + acknowledged.size() + ") is in the new bucket");
            System.out.println("ONLINE RESET (2.7.12, " + POINTS + " points): writer's longest gap between acknowledged "
                    + "points " + writer.longestGap().toMillis() + " ms; " + reset.err().lines()
                    .filter(l -> l.contains("the switch took")).findFirst().orElse("(no switch line)"));

            CliRun rollback = CliRun.run(app, "", "--profile", profile.toString(), "rollback", run.id());

            assertEquals(0, rollback.code(), rollback.out() + rollback.err());
            writer.awaitWrites(5);
            assertEquals(RunStatus.ROLLED_BACK, app.journal(rig.profile).run(run.id()).orElseThrow().status());
            assertEquals(oldId, influx.bucketIds().get(EVENTS), "the old bucket has its name again");
            assertEquals(Set.of(), RigWriter.missingFrom(writer.acknowledged(), influx, EVENTS),
                    "every point the writer acknowledged, also those written to the new bucket, is in the old one");
            assertTrue(influx.bucketIds().containsKey(names.undone()), "the new bucket is kept, not deleted");
            assertEquals(writerStarted, writer.lastStart(), "and the writer was never stopped");
        }
    }

    /**
     * A 1.x-API writer reaches the bucket through a DBRP mapping, which points at the bucket's id: after
     * the reset its writes land in the new bucket (not in the old one, which a buckets reset deletes at
     * its end; a full reset empties InfluxDB's metadata and makes the mapping again), and after the
     * rollback in the bucket of the name again.
     */
    @ParameterizedTest(name = "--mode {0}")
    @ValueSource(strings = {"online", "buckets", "full"})
    void aBucketThe1xApiReachesThroughAMappingFollowsTheResetAndItsRollback(String mode) throws Exception {
        try (RigStack rig = RigStack.v2(dir.resolve("mapped")).start()) {
            InfluxPort influx = new InfluxV2Adapter(rig.profile.influx());
            if (!influx.bucketIds().containsKey(EVENTS)) {
                influx.createBucket(new BucketSpec(EVENTS, Retention.parse("0").orElseThrow()));
            }
            String orgId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http(rig, "GET", "/api/v2/orgs?org=homeiq",
                    null)).path("orgs").get(0).path("id").asText();
            http(rig, "POST", "/api/v2/dbrps", "{\"orgID\":\"" + orgId + "\",\"bucketID\":\"" + influx.bucketIds().get(EVENTS)
                    + "\",\"database\":\"home_assistant\",\"retention_policy\":\"autogen\",\"default\":true}");
            writeThroughTheMapping(rig, 1);
            AppContext app = new AppContext(new AppHome(dir.resolve("mapped-home")), new ProfileLoader(Map.of(), dir));

            CliRun reset = CliRun.run(app, "", "--profile", rig.profile.source().orElseThrow().toString(), "reset", "--mode",
                    mode, "--yes");

            assertEquals(0, reset.code(), reset.out() + reset.err());
            assertEquals(influx.bucketIds().get(EVENTS), mappedBucket(rig), "the mapping leads to the new bucket");
            writeThroughTheMapping(rig, 2);
            assertEquals(Set.of(2L), v1Writes(influx), "the 1.x writer's point after the reset is in the new bucket");
            if (mode.equals("online")) {
                String run = app.journal(rig.profile).runs().get(0).id();
                CliRun rollback = CliRun.run(app, "", "--profile", rig.profile.source().orElseThrow().toString(), "rollback", run);
                assertEquals(0, rollback.code(), rollback.out() + rollback.err());
            } else {
                // a finished buckets or full reset is not undone action by action: a second one is killed after it moved
                // (or made again) the mapping
                Path home = dir.resolve("killed-home");
                Path profile = rig.profile.source().orElseThrow();
                String kind = mode.equals("full") ? RemakeMappings.KIND : RepointMappings.KIND;
                int repointed = indexOf(kind, ResetMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)),
                        new ProfileLoader(Map.of(), dir).load(profile), home);
                assertEquals(137, CliProcess.run(home, dir.resolve("cli.log"), "after:" + repointed,
                        List.of("--profile", profile.toString(), "reset", "--mode", mode, "--yes")));
                assertEquals(0, CliProcess.run(home, dir.resolve("cli.log"), null,
                        List.of("--profile", profile.toString(), "rollback")));
            }

            assertEquals(influx.bucketIds().get(EVENTS), mappedBucket(rig), "the mapping leads to the old bucket again");
            writeThroughTheMapping(rig, 3);
            assertEquals(mode.equals("online") ? Set.of(1L, 2L, 3L) : Set.of(2L, 3L), v1Writes(influx), "the points written "
                    + "through the mapping before the rollback and after it, in the bucket of the name");
        }
    }

    private static int indexOf(String kind, ResetMode mode, io.github.influxreset.domain.Profile profile, Path home) {
        var ports = new AppContext(new AppHome(home), new ProfileLoader(Map.of(), home)).ports(profile);
        return new ResetPlanner(java.time.Clock.systemUTC()).plan(profile, ports, mode).plan().actions().stream()
                .filter(a -> a.action().kind().equals(kind)).findFirst().orElseThrow().index();
    }

    private static void writeThroughTheMapping(RigStack rig, long seq) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(rig.url() + "/write?db=home_assistant&rp=autogen"))
                .header("Authorization", "Token " + RigStack.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("v1writes,source=v1 seq=" + seq + "i")).build();
        var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), "the 1.x write through the mapping: " + answer.body());
    }

    /** The bucket home_assistant/autogen leads to; the org is looked up afresh (a full reset makes it again, with a new id). */
    private static String mappedBucket(RigStack rig) throws Exception {
        String orgId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http(rig, "GET", "/api/v2/orgs?org=homeiq",
                null)).path("orgs").get(0).path("id").asText();
        var mappings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http(rig, "GET", "/api/v2/dbrps?orgID=" + orgId
                + "&db=home_assistant&rp=autogen", null)).path("content");
        assertEquals(1, mappings.size(), mappings.toString());
        return mappings.get(0).path("bucketID").asText();
    }

    private static Set<Long> v1Writes(InfluxPort influx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export(EVENTS, out);
        Set<Long> seqs = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v1writes,source=v1 seq=(\\d+)i", java.util.regex.Pattern.MULTILINE)
                .matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            seqs.add(Long.parseLong(m.group(1)));
        }
        return seqs;
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
}
