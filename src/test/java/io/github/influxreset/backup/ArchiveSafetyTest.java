package io.github.influxreset.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveSafetyTest {
    @TempDir
    Path dir;

    /** A fine entry first, then the bad one, so "nothing extracted" means the check ran first. */
    static Stream<Arguments> maliciousEntries() {
        return Stream.of(
                Arguments.of("backup/../../etc/cron.d/evil", TarConstants.LF_NORMAL, null, "climbs out"),
                Arguments.of("/etc/passwd", TarConstants.LF_NORMAL, null, "absolute"),
                Arguments.of("backup/link", TarConstants.LF_SYMLINK, "/etc/shadow", "links to '/etc/shadow'"),
                Arguments.of("backup/link", TarConstants.LF_SYMLINK, "../../../root", "links to '../../../root'"),
                Arguments.of("backup/hard", TarConstants.LF_LINK, "../../outside", "links to"),
                Arguments.of("backup/dev", TarConstants.LF_CHR, null, "device"),
                Arguments.of("backup/fifo", TarConstants.LF_FIFO, null, "pipe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maliciousEntries")
    void anUnsafeEntryIsRefusedByNameAndNothingIsExtracted(String name, byte type, String link, String why) throws Exception {
        Path tar = dir.resolve("evil.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            addFile(out, "backup/fine.txt", "fine");
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            if (link != null) {
                entry.setLinkName(link);
            }
            out.putArchiveEntry(entry);
            out.closeArchiveEntry();
        }
        Path target = Files.createDirectories(dir.resolve("target"));

        ResetException e = assertThrows(ResetException.class, () -> ArchiveSafety.extract(tar, target));

        assertTrue(e.getMessage().contains("'" + name + "'") && e.getMessage().contains(why), e.getMessage());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(), files.toList(), "nothing extracted");
        }
    }

    @Test
    void aChainOfRelativeLinksThatClimbsOutIsRefused() throws Exception {
        Path tar = dir.resolve("chain.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            addFile(out, "backup/fine.txt", "fine");
            for (String[] link : new String[][] {{"backup/a", "."}, {"backup/a/b", ".."}}) {
                TarArchiveEntry entry = new TarArchiveEntry(link[0], TarConstants.LF_SYMLINK, true);
                entry.setLinkName(link[1]);
                out.putArchiveEntry(entry);
                out.closeArchiveEntry();
            }
            addFile(out, "backup/a/b/f", "escaped");
        }
        Path target = Files.createDirectories(dir.resolve("target"));

        ResetException e = assertThrows(ResetException.class, () -> ArchiveSafety.extract(tar, target));

        assertTrue(e.getMessage().contains("'backup/a/b'") && e.getMessage().contains("goes through the link 'backup/a'"),
                e.getMessage());
    }

    @Test
    void aSafeArchiveIsExtractedWithoutItsTopFolder() throws Exception {
        Path tar = dir.resolve("ok.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            addFile(out, "backup/20260101.meta", "meta");
            addFile(out, "backup/shards/1.tar.gz", "shard");
            TarArchiveEntry link = new TarArchiveEntry("backup/latest", TarConstants.LF_SYMLINK, true);
            link.setLinkName("shards/1.tar.gz");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }
        Path target = Files.createDirectories(dir.resolve("influx"));

        ArchiveSafety.extract(tar, target);

        assertEquals("meta", Files.readString(target.resolve("20260101.meta")));
        assertEquals("shard", Files.readString(target.resolve("shards/1.tar.gz")));
    }

    private static void addFile(TarArchiveOutputStream out, String name, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        out.putArchiveEntry(entry);
        ((OutputStream) out).write(bytes);
        out.closeArchiveEntry();
    }
}
