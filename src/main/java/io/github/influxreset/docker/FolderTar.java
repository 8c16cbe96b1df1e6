package io.github.influxreset.docker;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A volume's host folder as the same tar the engine's archive endpoint gives for {@code /data} of a
 * helper (entries {@code data/…}, owners, modes and times kept); {@link FolderUntar} puts it back. Used only on a folder
 * {@link VolumeFolder} has proved to be the engine's own, so a set written either way restores
 * either way. Holds regular files, folders and symbolic links only; anything else (a pipe, a
 * device, a socket) makes {@link #entries} empty and the caller goes through the engine instead.
 */
final class FolderTar {
    /** Every entry's path starts with this folder, as in the engine's archive of a helper's {@code /data}. */
    static final String ROOT = "data";
    private static final int BUFFER = 1 << 20;
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private FolderTar() {
    }

    /** The folder's entries in walk order (the folder itself first), or empty if one is not archivable. */
    static Optional<List<Path>> entries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        boolean[] special = {false};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileName().toString().startsWith(FolderUntar.STAGING)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().startsWith(VolumeFolder.PROBE)) {
                    return FileVisitResult.CONTINUE;
                }
                special[0] |= attrs.isOther();
                entries.add(file);
                return special[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return special[0] ? Optional.empty() : Optional.of(entries);
    }

    /**
     * Writes the entries as tar to {@code out} (not closed). A file deleted since it was listed is
     * left out, as a live server's compaction removes files; a file that shrank while it was read
     * fails the archive, because its bytes would no longer match its header.
     */
    static void write(Path folder, List<Path> entries, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), BUFFER);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        byte[] buffer = new byte[BUFFER];
        for (Path path : entries) {
            try {
                writeEntry(tar, folder, path, buffer);
            } catch (NoSuchFileException vanished) {
                // deleted after it was listed: not part of the snapshot
            }
        }
        tar.finish();
        tar.flush();
    }

    private static void writeEntry(TarArchiveOutputStream tar, Path folder, Path path, byte[] buffer) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(path, "unix:mode,uid,gid,lastModifiedTime,size,isDirectory,"
                + "isSymbolicLink", NO_FOLLOW);
        String relative = folder.relativize(path).toString();
        String name = relative.isEmpty() ? ROOT : ROOT + "/" + relative;
        boolean directory = (Boolean) attrs.get("isDirectory");
        boolean link = (Boolean) attrs.get("isSymbolicLink");
        TarArchiveEntry entry = link ? new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
                : new TarArchiveEntry(directory ? name + "/" : name);
        entry.setMode((Integer) attrs.get("mode") & 07777);
        entry.setUserId((Integer) attrs.get("uid"));
        entry.setGroupId((Integer) attrs.get("gid"));
        entry.setModTime((FileTime) attrs.get("lastModifiedTime"));
        if (link) {
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            tar.putArchiveEntry(entry);
        } else if (directory) {
            tar.putArchiveEntry(entry);
        } else {
            long size = (Long) attrs.get("size");
            entry.setSize(size);
            try (InputStream in = Files.newInputStream(path, NO_FOLLOW)) {
                tar.putArchiveEntry(entry);
                copyExactly(in, tar, size, buffer, name);
            }
        }
        tar.closeArchiveEntry();
    }

    private static void copyExactly(InputStream in, OutputStream out, long size, byte[] buffer, String name)
            throws IOException {
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException(name + " shrank while it was archived (" + (size - left) + " of " + size
                        + " bytes): the volume is in use");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** Lets the tar writer finish its records without closing the caller's stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
