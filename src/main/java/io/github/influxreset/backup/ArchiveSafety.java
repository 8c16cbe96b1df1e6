package io.github.influxreset.backup;

import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Checks every entry of a tar archive before anything is extracted: no absolute path, no
 * {@code ..}, no link pointing outside the archive's root, no device or pipe. A bad archive is
 * refused naming the entry; extraction writes only inside its target folder.
 */
public final class ArchiveSafety {
    private ArchiveSafety() {
    }

    /** Reads the whole archive and throws naming the first unsafe entry; writes nothing. */
    public static void check(InputStream tar, String archiveName) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            Set<String> links = new HashSet<>();
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                checkEntry(entry, archiveName);
                checkNotThroughALink(entry, links, archiveName);
            }
        }
    }

    /**
     * A path may not go through a link the archive made earlier: {@code a -> .} then {@code a/b -> ..}
     * looks harmless segment by segment but climbs out once the links are followed.
     */
    private static void checkNotThroughALink(TarArchiveEntry entry, Set<String> links, String archiveName) {
        String normal = normalise(entry.getName());
        StringBuilder prefix = new StringBuilder();
        String[] segments = normal.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            prefix.append(i == 0 ? "" : "/").append(segments[i]);
            if (links.contains(prefix.toString())) {
                throw unsafe(archiveName, entry, "its path goes through the link '" + prefix + "' of the archive");
            }
        }
        if (entry.isSymbolicLink()) {
            links.add(normal);
        }
    }

    private static String normalise(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                parts.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    /**
     * Extracts a tar file into {@code target}, dropping the first path segment of every entry (the
     * directory Docker names after the copied folder). Every entry is checked before the first one
     * is written.
     */
    public static void extract(Path tarFile, Path target) throws IOException {
        String archiveName = tarFile.getFileName().toString();
        try (InputStream in = Files.newInputStream(tarFile)) {
            check(in, archiveName);
        }
        try (InputStream in = Files.newInputStream(tarFile)) {
            extractChecked(in, target, archiveName);
        }
    }

    private static void extractChecked(InputStream tar, Path target, String archiveName) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            Set<String> links = new HashSet<>();
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                checkEntry(entry, archiveName);
                checkNotThroughALink(entry, links, archiveName);
                String relative = entry.getName().replaceFirst("^\\./", "").replaceFirst("^[^/]*/?", "");
                if (relative.isEmpty()) {
                    continue;
                }
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root)) {
                    throw unsafe(archiveName, entry, "it would be written outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    try (OutputStream out = Files.newOutputStream(destination)) {
                        in.transferTo(out);
                    }
                    SecureFiles.restrictFile(destination);
                }
            }
        }
    }

    private static void checkEntry(TarArchiveEntry entry, String archiveName) {
        String name = entry.getName();
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(archiveName, entry, "its path is absolute");
        }
        if (escapes(name)) {
            throw unsafe(archiveName, entry, "its path climbs out with '..'");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw unsafe(archiveName, entry, "it is a device or a pipe");
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            String link = entry.getLinkName();
            String base = entry.isSymbolicLink() && name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            if (link.startsWith("/") || escapes(base + link)) {
                throw unsafe(archiveName, entry, "it links to '" + link + "', outside the archive");
            }
        }
    }

    /** True when the path, resolved segment by segment, goes above its root. */
    private static boolean escapes(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static ResetException unsafe(String archiveName, TarArchiveEntry entry, String why) {
        return ResetException.badInput("The archive " + archiveName + " holds an unsafe entry '" + entry.getName()
                + "': " + why + ". Nothing was extracted from it.", "Do not use this archive; make a new backup.");
    }
}
