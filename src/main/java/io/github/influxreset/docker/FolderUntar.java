package io.github.influxreset.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A {@link FolderTar} archive extracted into a volume's host folder, staged so that a refused
 * archive changes nothing. Used only on a folder {@link VolumeFolder} has proved to be the engine's.
 */
final class FolderUntar {
    /** A restore's staging folder inside the volume starts so; snapshots leave such folders out. */
    static final String STAGING = ".influx-reset-restore-";
    private static final int BUFFER = 1 << 20;
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private FolderUntar() {
    }

    /**
     * Extracts a tar of {@code data/…} entries into the folder, over what is there, as the engine's
     * archive upload does (owners, modes and times set), but staged: everything is written into a
     * hidden folder inside the volume first and moved into place (renames) only when the whole
     * archive was read and every entry passed. A refused or unreadable archive leaves the volume as it
     * was. Writes never go through a symbolic link, and no link may point out of the volume.
     */
    static void extract(InputStream source, Path folder) throws IOException {
        Path root = folder.toRealPath();
        removeLeftoverStaging(root);
        Path staging = root.resolve(STAGING + UUID.randomUUID());
        Files.createDirectory(staging);
        try {
            Optional<TarArchiveEntry> rootEntry = extractInto(source, staging);
            mergeInto(staging, root);
            if (rootEntry.isPresent()) {
                setAttributes(root, rootEntry.get());
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** Extracts every entry below the staging folder; returns the entry of the volume's root, if any. */
    private static Optional<TarArchiveEntry> extractInto(InputStream source, Path staging) throws IOException {
        Optional<TarArchiveEntry> rootEntry = Optional.empty();
        Deque<TarArchiveEntry> folders = new ArrayDeque<>();
        Deque<Path> folderPaths = new ArrayDeque<>();
        byte[] buffer = new byte[BUFFER];
        TarArchiveInputStream tar = new TarArchiveInputStream(source, BUFFER);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path target = target(staging, entry.getName());
            if (target.equals(staging)) {
                rootEntry = Optional.of(entry);
            } else if (entry.isDirectory()) {
                Files.createDirectories(target);
                folders.push(entry);
                folderPaths.push(target);
            } else if (entry.isSymbolicLink()) {
                requireInside(staging, target, entry);
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                setOwner(target, entry);
            } else if (entry.isLink()) {
                Files.createLink(target, target(staging, entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        NO_FOLLOW)) {
                    int read;
                    while ((read = tar.read(buffer)) >= 0) {
                        out.write(buffer, 0, read);
                    }
                }
                setAttributes(target, entry);
            } else {
                throw new IOException(entry.getName() + " is neither a file, a folder nor a link");
            }
        }
        while (!folders.isEmpty()) {
            setAttributes(folderPaths.pop(), folders.pop());
        }
        return rootEntry;
    }

    /** A symbolic link's target, resolved from the link's folder, must stay inside the volume. */
    private static void requireInside(Path staging, Path link, TarArchiveEntry entry) throws IOException {
        Path pointsTo = link.getParent().resolve(entry.getLinkName()).normalize();
        if (Path.of(entry.getLinkName()).isAbsolute() || !pointsTo.startsWith(staging)) {
            throw new IOException(entry.getName() + " links to '" + entry.getLinkName() + "', outside the volume");
        }
    }

    /**
     * Moves the staged tree into the volume: what the volume lacks is renamed in whole, a file
     * replaces the volume's file, a folder is merged into the volume's folder (and takes its mode).
     */
    private static void mergeInto(Path staged, Path into) throws IOException {
        List<Path> children;
        try (var list = Files.list(staged)) {
            children = list.toList();
        }
        for (Path child : children) {
            Path target = into.resolve(child.getFileName().toString());
            boolean stagedFolder = Files.isDirectory(child, NO_FOLLOW);
            if (stagedFolder && Files.isDirectory(target, NO_FOLLOW)) {
                mergeInto(child, target);
                copyAttributes(child, target);
            } else {
                if (Files.isDirectory(target, NO_FOLLOW)) {
                    deleteTree(target);
                }
                Files.move(child, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copyAttributes(Path from, Path to) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(from, "unix:mode,uid,gid,lastModifiedTime", NO_FOLLOW);
        Files.setAttribute(to, "unix:uid", attrs.get("uid"), NO_FOLLOW);
        Files.setAttribute(to, "unix:gid", attrs.get("gid"), NO_FOLLOW);
        Files.setAttribute(to, "unix:mode", (Integer) attrs.get("mode") & 07777, NO_FOLLOW);
        Files.setLastModifiedTime(to, (FileTime) attrs.get("lastModifiedTime"));
    }

    /** A restore killed half-way leaves its staging folder; the volume's data never saw it. */
    private static void removeLeftoverStaging(Path root) throws IOException {
        try (var list = Files.list(root)) {
            for (Path child : list.filter(p -> p.getFileName().toString().startsWith(STAGING)).toList()) {
                deleteTree(child);
            }
        }
    }

    private static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, NO_FOLLOW)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                if (failed != null) {
                    throw failed;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Where an entry goes: inside the root, below no symbolic link. */
    private static Path target(Path root, String name) throws IOException {
        String top = FolderTar.ROOT;
        String relative = name.equals(top) || name.equals(top + "/") ? "" : name.startsWith(top + "/")
                ? name.substring(top.length() + 1) : null;
        if (relative == null) {
            throw new IOException(name + " is not below " + top + "/, so the archive is not a volume snapshot");
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            throw new IOException(name + " points outside the volume");
        }
        for (Path parent = target.getParent(); parent != null && parent.startsWith(root) && !parent.equals(root);
                parent = parent.getParent()) {
            if (Files.isSymbolicLink(parent)) {
                throw new IOException(name + " goes through the symbolic link " + root.relativize(parent));
            }
        }
        return target;
    }

    private static void setAttributes(Path target, TarArchiveEntry entry) throws IOException {
        setOwner(target, entry);
        Files.setAttribute(target, "unix:mode", entry.getMode() & 07777, NO_FOLLOW);
        Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
    }

    private static void setOwner(Path target, TarArchiveEntry entry) throws IOException {
        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), NO_FOLLOW);
        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), NO_FOLLOW);
    }
}
