package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Single files of a container (its own layer or any of its volumes), read through the engine's
 * archive API: works on a running or stopped container, a remote engine and without rights to the
 * engine's folders, and starts nothing.
 */
final class ContainerFiles {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** A scan reads no more than this of a folder's archive; the files after it are not looked at. */
    static final long SCAN_BUDGET = 256L << 20;
    private static final int SCAN_DEPTH = 3;

    private final DockerClient client;

    ContainerFiles(DockerClient client) {
        this.client = client;
    }

    /**
     * Copies the regular file at {@code path} in the container to {@code target}; false when the
     * container has no file there.
     */
    boolean copyFile(String containerId, String path, Path target) throws IOException {
        try (InputStream archive = client.copyArchiveFromContainerCmd(containerId, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) {
                return false;
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                tar.transferTo(out);
            }
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    /**
     * Writes {@code source} (or, when null, an empty file) to {@code path} in the container, running
     * or not, owned as the file it replaces is (root when there is none), mode 644.
     */
    void putFile(String containerId, String path, Path source) throws IOException {
        int slash = path.lastIndexOf('/');
        String directory = slash <= 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out =
                     new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(source == null ? 0 : Files.size(source));
            entry.setMode(0100644);
            out.putArchiveEntry(entry);
            if (source != null) {
                Files.copy(source, out);
            }
            out.closeArchiveEntry();
        }
        client.copyArchiveToContainerCmd(containerId).withRemotePath(directory)
                .withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec();
    }

    /**
     * The absolute paths of the SQLite databases (files whose first bytes are SQLite's header,
     * named {@code *.db}, {@code *.sqlite} or {@code *.sqlite3}) up to three folders below
     * {@code directory}, in archive order. An absent folder has none.
     */
    List<String> sqliteFiles(String containerId, String directory) throws IOException {
        String dir = directory.endsWith("/") && directory.length() > 1 ? directory.substring(0, directory.length() - 1)
                : directory;
        String parent = dir.substring(0, dir.lastIndexOf('/') + 1);
        List<String> found = new ArrayList<>();
        try (InputStream archive = client.copyArchiveFromContainerCmd(containerId, dir).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null && tar.getBytesRead() < SCAN_BUDGET;
                 e = tar.getNextEntry()) {
                String name = e.getName();
                if (e.isFile() && name.matches(".*\\.(db|sqlite3?)") && depth(name) <= SCAN_DEPTH + 1
                        && Arrays.equals(tar.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
                    found.add(parent + name);
                }
            }
        } catch (NotFoundException absent) {
            return List.of();
        }
        return found;
    }

    private static int depth(String entryName) {
        return (int) entryName.chars().filter(c -> c == '/').count();
    }
}
