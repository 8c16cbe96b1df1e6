package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.CarryTally;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.engine.actions.ForecastCarry;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.DockerRig;
import io.github.influxreset.testing.Influxd2Process;
import io.github.influxreset.testing.LineProtocolParser;
import io.github.influxreset.testing.Point;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import io.github.influxreset.testing.RigWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code move} from the real InfluxDB 1.6.7 of a HomeIQ-shaped stack to a real 2.7.12 (whose image
 * setup made an empty home_assistant_events): 20,000 points with normalized_value written as
 * integers and a tag the profile drops, 500 of them older than the profile's 365 days, while a
 * service writes a numbered point to 1.x five times a second all through the move, which never
 * stops it (every point it had acknowledged before the move last read 1.x must be on 2.x, and the
 * rollback must still take the move's points, those included, off the 2.x server); moved again,
 * {@code move --catch-up} brings what it wrote since. Then the
 * official peer, {@code influxd upgrade}, on a copy of the same 1.x data folder: both end with the
 * same points (ours without those the new retention would delete), but only ours has the
 * profile's structure (float, no stray tag, 365 days), and only ours can be rolled back.
 */
@ExtendWith(RequiresDocker.class)
class MoveOnRealServersIT {
    private static final int POINTS = 20_000;
    private static final int OLDER_THAN_A_YEAR = 500;
    private static final String TOKEN = "move-target-TOKEN-7";
    private static final String BUCKET = "home_assistant_events";

    @TempDir
    Path dir;

    @Test
    void aMovedStackHoldsWhatInfluxdUpgradeMakesOfItInTheProfilesStructureAndTheMoveRollsBack() throws Exception {
        try (RigStack rig = new RigStack(dir.resolve("rig")).withCarryRule("extraTags: drop").withV1ClientSettings()
                     .start();
             Influxd2Process v2 = new Influxd2Process(dir.resolve("v2")).setUp("homeiq", BUCKET, TOKEN)) {
            InfluxPort source = new InfluxV1Adapter(rig.profile.influx());
            if (source.buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                source.createBucket(new BucketSpec(BUCKET, Retention.parse("0").orElseThrow()));
            }
            source.write(BUCKET, KeepDataOnRealServersIT.lines(POINTS, OLDER_THAN_A_YEAR));
            RigWriter writer = RigWriter.start(rig);
            java.time.Instant writerStarted = writer.lastStart();
            Path profile = RigWriter.listedIn(withMoveTo(rig, v2));
            AppContext app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));

            CliRun move = CliRun.run(app, "", "--profile", profile.toString(), "move", "--yes");

            assertEquals(0, move.code(), move.out() + move.err());
            InfluxPort target = new InfluxV2Adapter(targetSpec(v2));
            long kept = POINTS - OLDER_THAN_A_YEAR;
            assertEquals(kept, target.countPoints(BUCKET).get(BUCKET), "every point the profile's retention holds");
            RunRecord run = app.journal(rig.profile).runs().get(0);
            assertEquals(writerStarted, writer.lastStart(), "the move never stopped the writer");
            Set<Long> beforeTheStop = writer.acknowledgedBefore(readFrom(app, rig, run.id()));
            assertEveryPointOn(target, beforeTheStop, "the move last read 1.x");
            assertTrue(move.out().matches("(?s).*point\\(s\\) carried.*, then \\d+ the services wrote to 1.x since the "
                    + "backup began.*"), move.out());
            assertTrue(move.out().contains("run 'influx-reset move --catch-up'"), move.out());
            assertEquals(FieldType.FLOAT, target.fieldKeys(BUCKET, BUCKET).get("normalized_value"), "the field is float now");
            assertFalse(target.tagKeys(BUCKET, BUCKET).contains("stray"), "the tag the profile drops is gone");
            assertEquals(Retention.parse("365d").orElseThrow(), retentionOf(target, BUCKET), "the profile's retention");
            CarryTally forecast = CarryTally.allFromFacts(app.journal(rig.profile).actions(run.id()).stream()
                    .filter(a -> a.kind().equals(ForecastCarry.KIND)).findFirst().orElseThrow().facts()).get(BUCKET);
            assertEquals(kept, forecast.measurements().get(BUCKET).carried(), "the forecast is what was written");
            assertTrue(move.out().contains("Service websocket-ingestion still uses InfluxDB 1.x")
                    && move.out().contains("set INFLUXDB_URL=" + v2.url())
                    && move.out().contains("replace INFLUXDB_DB with INFLUXDB_BUCKET=" + BUCKET)
                    && move.out().contains("drop INFLUXDB_PASSWORD"), move.out());
            for (String secret : List.of(TOKEN, RigStack.PASSWORD)) {
                assertFalse((move.out() + move.err()).contains(secret), "no secret is printed");
            }
            assertEquals((long) POINTS, source.countPoints(BUCKET).get(BUCKET), "the 1.x data stays");
            Set<String> moved = pointsOf(target, BUCKET, Long.MIN_VALUE);

            CliRun rollback = CliRun.run(app, "", "--profile", profile.toString(), "rollback", run.id());

            assertEquals(0, rollback.code(), rollback.out() + rollback.err());
            assertEquals(RunStatus.ROLLED_BACK, app.journal(rig.profile).run(run.id()).orElseThrow().status());
            assertEquals(List.of(BUCKET), target.buckets().stream().map(BucketSpec::name).filter(b -> !b.startsWith("_"))
                    .toList(), "the 2.x server as before: only the empty bucket its setup made");
            assertEquals(Map.of(), target.countPoints(BUCKET), "the writer's points the move carried are gone from 2.x too");
            assertEquals((long) POINTS, source.countPoints(BUCKET).get(BUCKET), "the 1.x data still there");
            assertTrue(RigWriter.numbersIn(export(source, BUCKET)).containsAll(beforeTheStop), "and the writer's on 1.x");

            assertEquals(0, CliRun.run(app, "", "--profile", profile.toString(), "move", "--yes").code(), "moved again");
            CliRun catchUp = CliRun.run(app, "", "--profile", profile.toString(), "move", "--catch-up");
            assertEquals(0, catchUp.code(), catchUp.out() + catchUp.err());
            assertEveryPointOn(target, writer.acknowledgedBefore(readFrom(app, rig, app.journal(rig.profile).runs().get(0).id())),
                    "the catch-up last read 1.x");
            assertEquals(writerStarted, writer.lastStart(), "nothing stopped the writer");

            try (Influxd2Process upgraded = upgrade(rig)) {
                InfluxPort peer = new InfluxV2Adapter(new InfluxSpec(2, "influxdb", upgraded.url(), "homeiq",
                        Secret.of(TOKEN), "", Secret.of(""), "admin", Secret.of("")));
                String peerBucket = BUCKET + "/autogen";
                assertEquals((long) POINTS, peer.countPoints(peerBucket).get(BUCKET), "influxd upgrade keeps every point");
                assertEquals(moved, pointsOf(peer, peerBucket, forecast.cutoff()),
                        "the same points, as far as the new retention keeps them");
                assertEquals(FieldType.INTEGER, peer.fieldKeys(peerBucket, BUCKET).get("normalized_value"),
                        "influxd upgrade leaves the field's wrong type");
                assertTrue(peer.tagKeys(peerBucket, BUCKET).contains("stray"), "and the tag the profile drops");
                assertTrue(retentionOf(peer, peerBucket).isInfinite(), "and the 1.x retention");
            }
        }
    }

    /** When the run's carrying of the delta began reading 1.x, as its journal says. */
    private static java.time.Instant readFrom(AppContext app, RigStack rig, String runId) {
        return java.time.Instant.parse(app.journal(rig.profile).actions(runId).stream()
                .filter(a -> a.kind().equals(io.github.influxreset.engine.actions.CarryDelta.KIND)).findFirst()
                .orElseThrow().facts().get(io.github.influxreset.engine.actions.CarryDelta.READ_FROM));
    }

    private static void assertEveryPointOn(InfluxPort target, Set<Long> acknowledged, String when) {
        Set<Long> missing = new java.util.TreeSet<>(acknowledged);
        missing.removeAll(RigWriter.numbersIn(export(target, BUCKET)));
        assertEquals(Set.of(), missing, "every point the writer had acknowledged before " + when + " ("
                + acknowledged.size() + ") is on 2.x");
    }

    /** The rig's profile with a moveTo section naming the 2.x server. */
    private static Path withMoveTo(RigStack rig, Influxd2Process v2) throws IOException {
        Path file = rig.profile.source().orElseThrow();
        String text = Files.readString(file);
        String moveTo = "moveTo:\n  service: influxdb2\n  url: " + v2.url() + "\n  org: homeiq\n  token: " + TOKEN + "\n";
        Path moved = file.resolveSibling("move.yaml");
        Files.writeString(moved, text.replace("\nbuckets:\n", "\n" + moveTo + "buckets:\n"));
        return moved;
    }

    private static InfluxSpec targetSpec(Influxd2Process v2) {
        return new InfluxSpec(2, "influxdb2", v2.url(), "homeiq", Secret.of(TOKEN), "", Secret.of(""), "admin", Secret.of(""));
    }

    private static Retention retentionOf(InfluxPort influx, String bucket) {
        return influx.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst().orElseThrow().retention();
    }

    /**
     * Each value of the bucket's measurement home_assistant_events at or after {@code since} as "series time field=value", numbers as
     * doubles (an integer and the float it became are the same value), without the dropped tag.
     */
    private static Set<String> pointsOf(InfluxPort influx, String bucket, long since) {
        return LineProtocolParser.parse(export(influx, bucket)).stream().filter(p -> p.time() >= since)
                .filter(p -> p.measurement().equals(BUCKET)).flatMap(MoveOnRealServersIT::values).collect(Collectors.toSet());
    }

    private static String export(InfluxPort influx, String bucket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        influx.export(bucket, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static java.util.stream.Stream<String> values(Point point) {
        Map<String, String> tags = new java.util.TreeMap<>(point.tags());
        tags.remove("stray");
        return point.fields().entrySet().stream().map(field -> point.measurement() + tags + " " + point.time() + " "
                + field.getKey() + "=" + (field.getValue() instanceof Number n ? n.doubleValue() : field.getValue()));
    }

    /**
     * Stops the 1.x container (it flushes its cache), copies its data folder out and runs {@code
     * influxd upgrade} on the copy, then starts a 2.x server on what it made.
     */
    private Influxd2Process upgrade(RigStack rig) throws Exception {
        DockerRig.docker("stop", rig.containerName("influxdb"));
        Path v1 = dir.resolve("v1-copy");
        DockerRig.docker("cp", rig.containerName("influxdb") + ":/var/lib/influxdb", v1.toString());
        Path out = dir.resolve("upgraded");
        Files.createDirectories(out);
        Process upgrade = new ProcessBuilder(Influxd2Process.requireBinary().toString(), "upgrade", "--force",
                "--v1-dir", v1.toString(), "--bolt-path", out.resolve("influxd.bolt").toString(),
                "--engine-path", out.resolve("engine").toString(), "--username", "admin", "--password", "pw-secret-1",
                "--org", "homeiq", "--bucket", "first", "--token", TOKEN,
                "--influx-configs-path", out.resolve("configs").toString(), "--v2-config-path", out.resolve("config.toml").toString(),
                "--continuous-query-export-path", out.resolve("cq.txt").toString(), "--log-path", out.resolve("upgrade.log").toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("upgrade.out").toFile()).start();
        assertTrue(upgrade.waitFor(120, TimeUnit.SECONDS), "influxd upgrade ends");
        assertEquals(0, upgrade.exitValue(), Files.readString(out.resolve("upgrade.out")));
        return new Influxd2Process(out);
    }
}
