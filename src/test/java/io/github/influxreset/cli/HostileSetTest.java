package io.github.influxreset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.influxreset.testing.CliRun;
import io.github.influxreset.testing.SetTampering;
import io.github.influxreset.testing.StackCliContext;
import io.github.influxreset.testing.TestStack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampered sets whose manifest hashes were recomputed, so that the content itself is what is
 * tested: verification names the bad entry, a restore refuses before it stops or removes anything,
 * and the browser lists the good sets beside the bad folders.
 */
class HostileSetTest {
    @TempDir
    Path dir;
    TestStack stack;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
    }

    private int run(String... args) {
        CliRun result = CliRun.run(new StackCliContext(stack), "", args);
        out = result.out();
        err = result.err();
        return result.code();
    }

    private String backup() throws Exception {
        assertEquals(0, run("--json", "backup"), err);
        return new ObjectMapper().readTree(out).get("id").asText();
    }

    private Path set(String id) {
        return stack.profile.backups().dir().resolve(id);
    }

    @Test
    void aVolumeSnapshotThatClimbsOutIsNamedByVerifyAndRefusedBeforeTheStackIsTouched() throws Exception {
        String id = backup();
        String snapshot = "volumes/" + TestStack.INFLUX_VOLUME + ".tar.zst";
        writeArchive(set(id).resolve(snapshot), "data/../../../../tmp/x");
        SetTampering.rehash(set(id), snapshot);
        long points = stack.pointsInVolume();
        int calls = stack.docker.calls().size();

        assertEquals(1, run("backups", "verify", id));
        assertTrue(err.contains("'data/../../../../tmp/x'") && err.contains("climbs out"), err);
        assertEquals(2, run("restore", id, "--from", "volumes", "--yes"), "refused before any change: " + err);

        assertTrue(err.contains("Nothing was changed"), err);
        assertEquals(points, stack.pointsInVolume());
        List<String> after = stack.docker.calls().subList(calls, stack.docker.calls().size());
        assertTrue(after.stream().noneMatch(c -> c.startsWith("stop") || c.startsWith("remove") || c.startsWith("create")),
                "nothing stopped, removed or created: " + after);
    }

    @Test
    void aLinkInsideTheSetFailsVerificationAndIsNotFollowed() throws Exception {
        String id = backup();
        Path env = set(id).resolve("config/.env");
        Files.delete(env);
        Files.createSymbolicLink(env, Path.of("/etc/hostname"));
        SetTampering.rehash(set(id), "config/.env");

        assertEquals(1, run("backups", "verify", id));

        assertTrue(err.contains("config/.env is a link"), err);
    }

    @Test
    void aConfigurationFileThatIsALinkIsCopiedAsBytesAndSaidSo() throws Exception {
        Path env = dir.resolve("srv/.env");
        Path real = dir.resolve("srv/real.env");
        Files.move(env, real);
        Files.createSymbolicLink(env, real);

        String id = backup();

        assertTrue(err.contains("is a link to " + real) && err.contains("a copy of its target's bytes"), err);
        assertTrue(!Files.isSymbolicLink(set(id).resolve("config/.env")), "the set holds bytes, not a link");
        assertEquals(0, run("backups", "verify", id), err);
    }

    @Test
    void anExportLineThatIsNotLineProtocolFailsVerificationNamingTheLine() throws Exception {
        String id = backup();
        String export = "export/home_assistant_events.lp.zst";
        try (OutputStream zst = new ZstdOutputStream(Files.newOutputStream(set(id).resolve(export)))) {
            zst.write("home_assistant_events,entity_id=x state_value=\"a\" 1\nnot line protocol at all\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        SetTampering.rehash(set(id), export);

        assertEquals(1, run("backups", "verify", id));

        assertTrue(err.contains("line 2 of export/home_assistant_events.lp.zst is not line protocol"), err);
    }

    @Test
    void theBrowserListsTheGoodSetsAndNamesEachBadFolder() throws Exception {
        String good = backup();
        Path broken = Files.createDirectories(stack.profile.backups().dir().resolve("20200101_000000"));
        Files.writeString(broken.resolve("manifest.json"), "this is not json");
        Path misnamed = Files.createDirectories(stack.profile.backups().dir().resolve("my-old-backup"));
        Files.copy(set(good).resolve("manifest.json"), misnamed.resolve("manifest.json"));

        assertEquals(1, run("backups", "list"));

        assertTrue(out.contains(good), out);
        assertTrue(out.contains("Not a usable set: 20200101_000000") && out.contains("manifest.json cannot be read"), out);
        assertTrue(out.contains("Not a usable set: my-old-backup: the name is not a backup set id"), out);
        assertEquals(0, run("backups", "verify", good), "the good set is still usable: " + err);
    }

    private static void writeArchive(Path file, String evilName) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(Files.newOutputStream(file)))) {
            byte[] body = "x".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry fine = new TarArchiveEntry("data/buckets.txt");
            fine.setSize(body.length);
            tar.putArchiveEntry(fine);
            tar.write(body);
            tar.closeArchiveEntry();
            TarArchiveEntry evil = new TarArchiveEntry(evilName, TarConstants.LF_NORMAL, true);
            evil.setSize(body.length);
            tar.putArchiveEntry(evil);
            tar.write(body);
            tar.closeArchiveEntry();
        }
    }
}
