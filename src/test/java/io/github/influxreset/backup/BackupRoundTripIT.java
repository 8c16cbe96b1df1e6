package io.github.influxreset.backup;

import static io.github.influxreset.testing.DockerRig.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.app.AppContext;
import io.github.influxreset.app.AppHome;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.store.SqliteMetadataStore;
import io.github.influxreset.testing.RequiresDocker;
import io.github.influxreset.testing.RigStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real stack, through the command line as a user runs it: seed, back up, reset, restore,
 * and compare point counts and the SHA-256 of a sorted export before and after.
 */
@ExtendWith(RequiresDocker.class)
class BackupRoundTripIT {
    @TempDir
    Path dir;
    RigStack rig;
    InfluxV1Adapter influx;
    String out;
    String err;

    @BeforeEach
    void start() throws Exception {
        rig = new RigStack(dir.resolve("rig")).start();
        influx = new InfluxV1Adapter(rig.profile.influx());
        influx.createBucket(new BucketSpec("home_assistant_events", Retention.parse("30d").orElseThrow()));
        influx.createBucket(new BucketSpec("weather_data", Retention.parse("30d").orElseThrow()));
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            events.append("home_assistant_events,entity_id=sensor.e").append(i % 11).append(",domain=sensor,area=a\\ ")
                    .append(i % 3).append(" state_value=\"v").append(i).append("\",normalized_value=").append(i)
                    .append(".25,count=").append(i).append("i,on=").append(i % 2 == 0).append(' ')
                    .append(now - i * 1_000_000_000L).append('\n');
        }
        influx.write("home_assistant_events", events.toString());
        influx.write("weather_data", "weather,station=roof temp=21.5 " + now + "\nweather,station=roof temp=21.0 " + (now - 1) + "\n");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /**
     * A set whose volume snapshot holds an entry that climbs out of the volume (hashes recomputed,
     * so the content is what is tested) is refused before the stack is touched: exit 2, the InfluxDB
     * container is the same one, every point still there.
     */
    @Test
    void aHostileVolumeSnapshotIsRefusedBeforeTheInfluxContainerIsTouched() throws Exception {
        String profile = rig.profile.source().orElseThrow().toString();
        assertEquals(0, cli("--profile", profile, "--json", "backup"), err);
        String id = new ObjectMapper().readTree(out).get("id").asText();
        Path set = rig.profile.backups().dir().resolve(id);
        String snapshot = "volumes/" + rig.volume + ".tar.zst";
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new com.github.luben.zstd.ZstdOutputStream(Files.newOutputStream(set.resolve(snapshot))))) {
            byte[] body = "x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var evil = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("data/../../../../tmp/x");
            evil.setSize(body.length);
            tar.putArchiveEntry(evil);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        io.github.influxreset.testing.SetTampering.rehash(set, snapshot);
        String container = docker("inspect", "--format", "{{.Id}}", rig.containerName("influxdb"));
        String before = sortedExportSha("home_assistant_events");

        assertEquals(1, cli("--profile", profile, "backups", "verify", id), "verify names the entry");
        assertTrue(err.contains("data/../../../../tmp/x"), err);
        assertEquals(2, cli("--profile", profile, "restore", id, "--from", "volumes", "--yes"), err);

        assertEquals(container, docker("inspect", "--format", "{{.Id}}", rig.containerName("influxdb")), "the same container");
        assertEquals("true", docker("inspect", "--format", "{{.State.Running}}", rig.containerName("influxdb")));
        assertEquals(before, sortedExportSha("home_assistant_events"), "every point still there");
    }

    @Test
    void backupResetRestoreGivesBackEveryPointByteForByte() throws Exception {
        String before = sortedExportSha("home_assistant_events") + sortedExportSha("weather_data");
        String profile = rig.profile.source().orElseThrow().toString();

        assertEquals(0, cli("--profile", profile, "--json", "backup"), err);
        String id = new ObjectMapper().readTree(out).get("id").asText();
        Path set = rig.profile.backups().dir().resolve(id);
        assertLayout(set);
        assertEquals(0, cli("--profile", profile, "backups", "verify", id), err);

        assertEquals(0, cli("--profile", profile, "reset", "--mode", "full", "--yes"), err);
        assertEquals(Map.of(), influx.countPoints("home_assistant_events"));

        assertEquals(0, cli("--profile", profile, "restore", id, "--yes"), err);
        assertTrue(out.contains("3000 of 3000 points restored"), out);
        assertEquals(Map.of("home_assistant_events", 3_000L), influx.countPoints("home_assistant_events"));
        assertEquals(before, sortedExportSha("home_assistant_events") + sortedExportSha("weather_data"));
    }

    @Test
    void restoreFromTheVolumeSnapshotGivesBackEveryPointByteForByte() throws Exception {
        String before = sortedExportSha("home_assistant_events") + sortedExportSha("weather_data");
        String profile = rig.profile.source().orElseThrow().toString();
        assertEquals(0, cli("--profile", profile, "--json", "backup"), err);
        String id = new ObjectMapper().readTree(out).get("id").asText();
        assertEquals(0, cli("--profile", profile, "reset", "--mode", "full", "--yes"), err);

        assertEquals(0, cli("--profile", profile, "restore", id, "--from", "volumes", "--yes"), err);

        assertEquals(Map.of("home_assistant_events", 3_000L), influx.countPoints("home_assistant_events"));
        assertEquals("30d", influx.buckets().stream().filter(b -> b.name().equals("home_assistant_events")).findFirst()
                .orElseThrow().retention().format(), "the retention comes back with the volume");
        assertEquals(before, sortedExportSha("home_assistant_events") + sortedExportSha("weather_data"));
    }

    @Test
    void aFlippedByteInTheVolumeSnapshotIsNamed() throws Exception {
        String profile = rig.profile.source().orElseThrow().toString();
        assertEquals(0, cli("--profile", profile, "--json", "backup"), err);
        String id = new ObjectMapper().readTree(out).get("id").asText();
        Path snapshot = rig.profile.backups().dir().resolve(id).resolve("volumes/" + rig.volume + ".tar.zst");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 3] ^= 0x40;
        Files.write(snapshot, bytes);

        assertEquals(1, cli("--profile", profile, "backups", "verify", id));
        assertTrue(err.contains("volumes/" + rig.volume + ".tar.zst does not match"), err);
    }

    private void assertLayout(Path set) throws Exception {
        assertTrue(Files.size(set.resolve("volumes/" + rig.volume + ".tar.zst")) > 0, "volume snapshot");
        try (Stream<Path> influxFiles = Files.list(set.resolve("influx"))) {
            assertTrue(influxFiles.anyMatch(p -> p.getFileName().toString().endsWith(".manifest")), "influxd backup -portable");
        }
        assertTrue(Files.size(set.resolve("export/home_assistant_events.lp.zst")) > 0);
        assertTrue(Files.isRegularFile(set.resolve("config/containers/" + rig.containerName("influxdb") + ".json")));
        SqliteMetadataStore.integrityCheck(set.resolve("sqlite/metadata.db"));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(set)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(set.resolve("config/docker-compose.yml"))));
    }

    private String sortedExportSha(String bucket) throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        influx.export(bucket, export);
        String sorted = String.join("\n", export.toString(StandardCharsets.UTF_8).lines().sorted().toList());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.UTF_8)));
    }

    private int cli(String... args) {
        AppContext context = new AppContext(new AppHome(dir.resolve("home")), new ProfileLoader(Map.of(), dir));
        var result = io.github.influxreset.testing.CliRun.run(context, "", args);
        out = result.out();
        err = result.err();
        return result.code();
    }
}
