package io.github.influxreset.backup;

import io.github.influxreset.domain.ResetException;
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

    Manifest verify(io.github.influxreset.engine.Progress progress) {
        Manifest manifest = readManifest();
        io.github.influxreset.engine.Throughput throughput = new io.github.influxreset.engine.Throughput(
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
            if (!Files.isRegularFile(file)) {
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
        return manifest;
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
