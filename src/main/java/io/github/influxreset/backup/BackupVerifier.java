package io.github.influxreset.backup;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a backup set against its manifest: every listed file present with its size and SHA-256,
 * and no file the manifest does not list. The first mismatch is named in the exception.
 */
final class BackupVerifier {
    private final Path set;

    BackupVerifier(Path set) {
        this.set = set;
    }

    Manifest verify(Progress progress) {
        checkNoLinks();
        Manifest manifest = readManifest();
        Throughput throughput = new Throughput(
                manifest.totalBytes(), System.nanoTime());
        long done = 0;
        for (Manifest.FileEntry entry : manifest.files()) {
            progress.update(throughput.fraction(done), "Verifying " + entry.path() + ": "
                    + throughput.describe(done, System.nanoTime()));
            done += entry.size();
            Path file = set.resolve(entry.path()).normalize();
            if (!file.startsWith(set)) {
                throw corrupt("its manifest names a file outside the set: " + entry.path());
            }
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw corrupt("file " + entry.path() + " is missing");
            }
            try {
                if (Files.size(file) != entry.size()) {
                    throw corrupt("file " + entry.path() + " has " + Files.size(file) + " bytes, the manifest says "
                            + entry.size());
                }
                if (!Hashing.sha256(file).equals(entry.sha256())) {
                    throw corrupt("file " + entry.path() + " does not match its SHA-256");
                }
            } catch (IOException e) {
                throw corrupt("file " + entry.path() + " cannot be read (" + e.getMessage() + ")");
            }
        }
        checkNoExtraFiles(manifest);
        checkContent(manifest);
        return manifest;
    }

    /** A set never holds a link: verifying, restoring or deleting would follow it out of the set. */
    private void checkNoLinks() {
        if (Files.isSymbolicLink(set)) {
            throw corrupt("its folder is a link");
        }
        try (Stream<Path> all = Files.walk(set)) {
            all.filter(Files::isSymbolicLink).findFirst().ifPresent(link -> {
                throw corrupt(set.relativize(link) + " is a link; a backup set never holds one");
            });
        } catch (IOException e) {
            throw corrupt("its folder cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * What a restore will read is checked too, not only hashed: every archive entry (paths, links,
     * devices) and every export line, whose values must be those the manifest counted.
     */
    private void checkContent(Manifest manifest) {
        for (Manifest.FileEntry entry : manifest.files()) {
            Path file = set.resolve(entry.path());
            try {
                if (entry.path().startsWith("volumes/") && entry.path().endsWith(".tar.zst")) {
                    try (java.io.InputStream in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(file))) {
                        ArchiveSafety.check(in, entry.path());
                    }
                }
                if (entry.path().startsWith("export/") && entry.path().endsWith(".lp.zst")) {
                    checkExport(manifest, entry.path(), file);
                }
            } catch (ResetException unsafe) {
                throw corrupt(lowerFirst(unsafe.getMessage().replaceFirst("\\.$", "")));
            } catch (IOException e) {
                throw corrupt("file " + entry.path() + " cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    private static void checkExport(Manifest manifest, String path, Path file) throws IOException {
        java.util.Map<String, java.util.Map<String, Long>> held;
        try (java.io.InputStream in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(file))) {
            held = ExportTally.of(in, path);
        }
        String bucket = path.substring("export/".length(), path.length() - ".lp.zst".length());
        manifest.buckets().stream().filter(b -> b.name().equals(bucket) && b.values() != null).findFirst()
                .filter(b -> !b.values().equals(held)).ifPresent(b -> {
                    throw ResetException.problem("the export of bucket " + bucket + " does not hold the values its manifest "
                            + "counted", "", null);
                });
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    Manifest readManifest() {
        try {
            return FileBackupStore.JSON.readValue(set.resolve(Manifest.FILE_NAME).toFile(), Manifest.class);
        } catch (IOException e) {
            throw corrupt("its manifest.json cannot be read (" + e.getMessage() + ")");
        }
    }

    private void checkNoExtraFiles(Manifest manifest) {
        Set<String> listed = manifest.files().stream().map(Manifest.FileEntry::path).collect(Collectors.toSet());
        try (Stream<Path> all = Files.walk(set)) {
            all.filter(Files::isRegularFile)
                    .map(p -> set.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(Manifest.FILE_NAME) && !listed.contains(p))
                    .findFirst()
                    .ifPresent(extra -> {
                        throw corrupt("file " + extra + " is not in its manifest");
                    });
        } catch (IOException e) {
            throw corrupt("its folder cannot be read (" + e.getMessage() + ")");
        }
    }

    private ResetException corrupt(String what) {
        return ResetException.problem("Backup set " + set.getFileName() + " failed verification: " + what + ".",
                "Do not restore from it; make a new backup.", null);
    }
}
