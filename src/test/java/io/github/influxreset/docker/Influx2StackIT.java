package io.github.influxreset.docker;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.x stack on the real engine (InfluxDB 2.7.12 in a FROM-scratch image that sets itself up from
 * DOCKER_INFLUXDB_INIT_* like the official one), driven through the command line in this JVM.
 */
@ExtendWith(RequiresDocker.class)
class Influx2StackIT {
    private static final int POINTS = 500;
    @TempDir
    Path dir;
    RigStack rig;
    AppContext app;

    @BeforeEach
    void start() throws Exception {
        rig = RigStack.v2(dir.resolve("rig")).start();
        app = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
        try (InfluxV2Adapter influx = influx()) {
            influx.createBucket(new BucketSpec("weather_data", Retention.parse("30d").orElseThrow()));
            influx.write("home_assistant_events", lines(POINTS));
        }
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private InfluxV2Adapter influx() {
        return new InfluxV2Adapter(rig.profile.influx());
    }

    private static String lines(int count) {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("home_assistant_events,entity_id=s").append(i % 5).append(" normalized_value=").append(i)
                    .append(".5,state_value=\"x").append(i).append("\" ").append(now - i * 1_000_000_000L).append('\n');
        }
        return lines.toString();
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--profile";
        all[1] = rig.profile.source().orElseThrow().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(app, "", all);
    }

    private long points(String bucket) {
        try (InfluxV2Adapter influx = influx()) {
            return influx.countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The orgs the services' token sees, asked over plain HTTP as a service would. */
    private static List<String> orgNames() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(httpGet("/api/v2/orgs")).path("orgs")
                .forEach(o -> names.add(o.path("name").asText()));
        return names;
    }

    private static String httpGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rigUrl + path))
                .header("Authorization", "Token " + RigStack.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String rigUrl;

    @Test
    void aFullResetLeavesOneOrgTheProfilesBucketsAndAServicesTokenThatWorks() throws Exception {
        rigUrl = rig.url();
        String oldContainer = docker("inspect", "--format", "{{.Id}}", rig.containerName("influxdb"));

        CliRun reset = cli("reset", "--mode", "full", "--yes");

        assertEquals(0, reset.code(), reset.err());
        assertEquals(oldContainer, docker("inspect", "--format", "{{.Id}}", rig.containerName("influxdb")),
                "the same container, started on its volumes emptied (their old data moved aside, then deleted)");
        assertEquals(List.of("homeiq"), orgNames(), "one org");
        try (InfluxV2Adapter influx = influx()) {
            Map<String, String> buckets = new TreeMap<>();
            influx.buckets().forEach(b -> buckets.put(b.name(), b.retention().format()));
            assertEquals(Map.of("home_assistant_events", "365d", "weather_data", "180d"), buckets,
                    "the token the services use works and sees the profile's buckets");
        }
        assertEquals(0, points("home_assistant_events"));
        var run = app.journal(rig.profile).runs().get(0);
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(POINTS, app.ports(rig.profile).backups().info(run.backupId()).totalPoints(), "the set holds every point");
        for (String service : RigStack.SERVICES) {
            assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName(service)), service);
        }
        assertEquals(0, cli("validate").code(), "the fresh stack validates clean");
    }

    @Test
    void aBucketsResetKeepsTheTokenAndBucketsTheProfileDoesNotName() throws Exception {
        rigUrl = rig.url();
        try (InfluxV2Adapter influx = influx()) {
            influx.createBucket(new BucketSpec("kept_elsewhere", Retention.INFINITE));
            influx.write("kept_elsewhere", "other,k=v x=1 " + System.currentTimeMillis() * 1_000_000L + "\n");
        }

        CliRun reset = cli("reset", "--mode", "buckets", "--yes");

        assertEquals(0, reset.code(), reset.err());
        assertEquals(1, points("kept_elsewhere"), "the bucket the profile does not know is untouched");
        assertEquals(0, points("home_assistant_events"));
        try (InfluxV2Adapter influx = influx()) {
            assertEquals(List.of("home_assistant_events", "kept_elsewhere", "weather_data"),
                    influx.buckets().stream().map(BucketSpec::name).sorted().toList());
        }
    }

    @Test
    void aWholeRestoreFromTheNativeBackupBringsEveryPointBackAsAnUndoableRun() throws Exception {
        rigUrl = rig.url();
        List<String> before = sortedExport("home_assistant_events");
        CliRun backup = cli("--json", "backup");
        assertEquals(0, backup.code(), backup.err());
        String id = app.ports(rig.profile).backups().list().get(0);
        assertTrue(app.ports(rig.profile).backups().holdsNative(id), "the operator token took InfluxDB's own backup");
        assertEquals(0, cli("reset", "--mode", "buckets", "--yes").code());
        assertEquals(0, points("home_assistant_events"));

        CliRun restore = cli("restore", id, "--from", "native", "--yes");

        assertEquals(0, restore.code(), restore.err());
        assertEquals(before, sortedExport("home_assistant_events"), "every point, byte for byte");
        assertEquals(List.of("homeiq"), orgNames());
    }

    @Test
    void oneBucketOfASetIsRestoredIntoANewBucketWithEveryPoint() throws Exception {
        CliRun backup = cli("--json", "backup");
        assertEquals(0, backup.code(), backup.err());
        String id = app.ports(rig.profile).backups().list().get(0);

        CliRun restore = cli("restore", id, "--bucket", "home_assistant_events", "--new-bucket", "hae_restored", "--yes");

        assertEquals(0, restore.code(), restore.err());
        assertEquals(POINTS, points("hae_restored"));
        assertEquals(sortedExport("home_assistant_events"), sortedExport("hae_restored"));
    }

    @Test
    void aResetWhoseRestartFailsIsRolledBackWithEveryPointAndTheTokenWorking() throws Exception {
        rigUrl = rig.url();
        Path profile = rig.profile.source().orElseThrow();
        String yaml = java.nio.file.Files.readString(profile);
        String sportsHealth = "http://127.0.0.1:" + rig.servicePorts[3] + "/health', timeout: 30s";
        assertTrue(yaml.contains(sportsHealth), yaml);
        // healthy before the run (the checks and the plan see it so), never after the reset restarted it: the
        // restart fails on its health, not on an old trouble the run would only report
        String sports = rig.containerName("sports-data");
        String startedBefore = docker("inspect", "--format", "{{.State.StartedAt}}", sports);
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/health", exchange -> {
            boolean restarted = !docker("inspect", "--format", "{{.State.StartedAt}}", sports).equals(startedBefore);
            exchange.sendResponseHeaders(restarted ? 503 : 200, -1);
            exchange.close();
        });
        health.start();
        Path broken = dir.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, yaml.replace(sportsHealth, "http://127.0.0.1:"
                + health.getAddress().getPort() + "/health', timeout: 2s"));

        CliRun reset;
        try {
            reset = CliRun.run(app, "", "--profile", broken.toString(), "reset", "--mode", "full", "--yes");
        } finally {
            health.stop(0);
        }

        assertEquals(3, reset.code(), reset.err());
        assertTrue(reset.err().contains("rolled back"), reset.err());
        assertEquals(POINTS, points("home_assistant_events"), "every point is back");
        assertEquals(List.of("homeiq"), orgNames());
    }

    private List<String> sortedExport(String bucket) {
        try (InfluxV2Adapter influx = influx()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            influx.export(bucket, out);
            return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
        }
    }
}
