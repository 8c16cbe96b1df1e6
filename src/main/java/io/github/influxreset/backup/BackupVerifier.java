package io.github.influxreset.backup;

import com.github.luben.zstd.ZstdInputStream;
import io.github.influxreset.domain.FieldCounts;

import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.data.Throughput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a backup set against its manifest (and a sealed set against its seal's too): every listed
 * file present with its size and SHA-256, and no file the manifests do not list. The first mismatch
 * is named in the exception. A seal cut off while written ({@code .seal-incomplete/}) is no part
 * of the set: the next seal removes it, and nothing reads it.
 */
final class BackupVerifier {
    private final Path set;

    BackupVerifier(Path set) {
        this.set = set;
    }

    Manifest verify(Progress progress) {
        checkNoLinks();
        Manifest manifest = readManifest();
        Optional<Seal> seal = readSeal();
        checkFiles(manifest.files(), progress);
        seal.ifPresent(s -> checkFiles(s.files(), progress));
        checkNoExtraFiles(manifest.files(), seal);
        checkContent(manifest.files(), manifest.buckets().stream().filter(b -> b.values() != null)
                .collect(Collectors.toMap(Manifest.BucketEntry::name, Manifest.BucketEntry::values)), "export/");
        seal.ifPresent(s -> checkContent(s.files(), s.buckets().stream()
                .collect(Collectors.toMap(Seal.Entry::name, Seal.Entry::deltaValues)), Seal.FOLDER + "/export/"));
        return manifest;
    }

    /** Only the seal's files, as the seal is written: what a seal adds is verified before it counts. */
    void verifySeal() {
        readSeal().ifPresent(s -> {
            checkFiles(s.files(), Progress.NONE);
            checkContent(s.files(), s.buckets().stream()
                    .collect(Collectors.toMap(Seal.Entry::name, Seal.Entry::deltaValues)), Seal.FOLDER + "/export/");
        });
    }

    private void checkFiles(List<Manifest.FileEntry> files, Progress progress) {
        Throughput throughput = new Throughput(files.stream().mapToLong(Manifest.FileEntry::size).sum(), System.nanoTime());
        long done = 0;
        for (Manifest.FileEntry entry : files) {
            progress.update(throughput.fraction(done), "Verifying " + entry.path() + ": "
                    + throughput.describe(done, System.nanoTime()));
            done += entry.size();
            Path file = set.resolve(entry.path()).normalize();
            if (!file.startsWith(set)) {
                throw corrupt("its manifest names a file outside the set: " + entry.path());
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
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
    private void checkContent(List<Manifest.FileEntry> files, Map<String, Map<String, Map<String, Long>>> counted,
                              String exports) {
        for (Manifest.FileEntry entry : files) {
            Path file = set.resolve(entry.path());
            try {
                if (entry.path().startsWith("volumes/") && entry.path().endsWith(".tar.zst")) {
                    try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
                        ArchiveSafety.check(in, entry.path());
                    }
                }
                if (entry.path().startsWith(exports) && entry.path().endsWith(".lp.zst")) {
                    String bucket = entry.path().substring(exports.length(), entry.path().length() - ".lp.zst".length());
                    checkExport(counted.get(bucket), bucket, entry.path(), file);
                }
            } catch (ResetException unsafe) {
                throw corrupt(lowerFirst(unsafe.getMessage().replaceFirst("\\.$", "")));
            } catch (IOException e) {
                throw corrupt("file " + entry.path() + " cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    /** @param counted the values the manifest counted in the export; null in sets older than those counts */
    private static void checkExport(Map<String, Map<String, Long>> counted, String bucket, String path, Path file)
            throws IOException {
        Map<String, Map<String, Long>> held;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            held = ExportTally.of(in, path);
        }
        if (counted != null && !FieldCounts.nonZero(counted).equals(FieldCounts.nonZero(held))) {
            throw ResetException.problem("the export " + path + " of bucket " + bucket + " does not hold the values its "
                    + "manifest counted", "", null);
        }
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

    /** Reads {@code seal/manifest.json} when the set was sealed. */
    Optional<Seal> readSeal() {
        Path file = set.resolve(Seal.FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileBackupStore.JSON.readValue(file.toFile(), Seal.class));
        } catch (IOException e) {
            throw corrupt("its " + Seal.FILE_NAME + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private void checkNoExtraFiles(List<Manifest.FileEntry> files, Optional<Seal> seal) {
        Set<String> listed = new HashSet<>();
        files.forEach(f -> listed.add(f.path()));
        seal.ifPresent(s -> s.files().forEach(f -> listed.add(f.path())));
        listed.add(Manifest.FILE_NAME);
        seal.ifPresent(s -> listed.add(Seal.FILE_NAME));
        try (Stream<Path> all = Files.walk(set)) {
            all.filter(Files::isRegularFile)
                    .map(p -> set.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(Seal.INCOMPLETE + "/") && !listed.contains(p))
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
