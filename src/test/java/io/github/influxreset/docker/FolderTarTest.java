package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder to tar and back, on plain folders: what is kept, and what an archive may not do. */
class FolderTarTest {
    @TempDir
    Path dir;

    @Test
    void aFolderComesBackWithItsModesTimesAndLinks() throws IOException {
        Path source = Files.createDirectories(dir.resolve("source/engine/data"));
        Path file = Files.writeString(source.resolve("000001.tsm"), "points");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-02-03T04:05:06Z")));
        Files.createSymbolicLink(dir.resolve("source/latest"), Path.of("engine/data/000001.tsm"));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        Path root = dir.resolve("source");
        FolderTar.write(root, FolderTar.entries(root).orElseThrow(), tar);

        Path target = Files.createDirectories(dir.resolve("target"));
        FolderUntar.extract(new ByteArrayInputStream(tar.toByteArray()), target);

        Path copy = target.resolve("engine/data/000001.tsm");
        assertEquals("points", Files.readString(copy));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertEquals(Instant.parse("2024-02-03T04:05:06Z"), Files.getLastModifiedTime(copy).toInstant());
        assertEquals(Path.of("engine/data/000001.tsm"), Files.readSymbolicLink(target.resolve("latest")));
    }

    @Test
    void aPipeMakesTheFolderUnarchivableHereSoTheEngineCopiesIt() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        assertEquals(0, new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start().waitFor());
        assertTrue(FolderTar.entries(source).isEmpty());
    }

    @Test
    void anEntryOutsideTheVolumeIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        IOException refused = assertThrows(IOException.class,
                () -> FolderUntar.extract(tar(file("data/../escaped", "x")), target));
        assertTrue(refused.getMessage().contains("outside the volume"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped")));
    }

    @Test
    void anEntryThroughALinkIsRefusedAndTheVolumeIsUntouched() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("kept"), "old");
        IOException refused = assertThrows(IOException.class, () -> FolderUntar.extract(
                tar(file("data/new", "x"), link("data/out", "."), file("data/out/planted", "x")), target));
        assertTrue(refused.getMessage().contains("goes through the symbolic link out"), refused.getMessage());
        try (var left = Files.list(target)) {
            assertEquals(java.util.List.of(target.resolve("kept")), left.toList(), "nothing staged stays behind");
        }
    }

    @Test
    void aLinkOutOfTheVolumeIsRefused() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        IOException refused = assertThrows(IOException.class,
                () -> FolderUntar.extract(tar(link("data/out", outside.toString())), target));
        assertTrue(refused.getMessage().contains("outside the volume"), refused.getMessage());
        assertFalse(Files.exists(target.resolve("out"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anArchiveThatIsNotAVolumeSnapshotIsRefused() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        IOException refused = assertThrows(IOException.class, () -> FolderUntar.extract(tar(file("etc/passwd", "x")), target));
        assertTrue(refused.getMessage().contains("not a volume snapshot"), refused.getMessage());
    }

    private static TarArchiveEntry file(String name, String content) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length());
        return entry;
    }

    private static TarArchiveEntry link(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        return entry;
    }

    private static ByteArrayInputStream tar(TarArchiveEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (TarArchiveEntry entry : entries) {
                out.putArchiveEntry(entry);
                out.write(new byte[(int) entry.getSize()]);
                out.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
