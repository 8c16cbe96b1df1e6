package io.github.influxreset.backup;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one backup set: under a name no listing takes for a set ({@link #incompletePrefix}), the
 * manifest last, then renamed to its id once whole. A set cut off, whatever cut it, is removed; a
 * kill mid-set leaves only a folder marked with its run, which that run's rollback removes.
 */
final class NewSet {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Profile profile;
    private final Ports ports;
    private final Clock clock;
    private final String productVersion;

    NewSet(Profile profile, Ports ports, Clock clock, String productVersion) {
        this.profile = profile;
        this.ports = ports;
        this.clock = clock;
        this.productVersion = productVersion;
    }

    /** Where a run's set is written until it is whole. */
    static String incompletePrefix(String runId) {
        return ".incomplete-" + runId.replaceAll("[^A-Za-z0-9-]", "_") + "-";
    }

    /** @param only the buckets to export, and then no native backup nor volume snapshot; empty: the whole server */
    String write(StackSnapshot stack, String runId, Optional<Set<String>> only, Progress progress) {
        Path root = profile.backups().dir();
        Path set = null;
        try {
            SecureFiles.createPrivateDirectories(root);
            new SpaceCheck(profile, ports).requireRoomFor(stack, root);
            Path finalName = freeName(root);
            // written under a name no listing takes for a set, and renamed once whole: a kill mid-set leaves
            // only a folder marked with its run, which that run's rollback removes
            set = SecureFiles.createPrivateDirectory(root.resolve(incompletePrefix(runId) + finalName.getFileName()));
            progress.update(0.05, "Writing backup set " + finalName);
            BackupWriter writer = new BackupWriter(profile, ports, set, progress, clock.instant().minus(Seal.MARGIN));
            writer.writeConfig(stack);
            writer.writeSqlite();
            List<Manifest.BucketEntry> buckets = writer.writeExports(only);
            if (only.isEmpty()) {
                writer.writeNative(stack);
                writer.writeVolumes(stack);
            }
            String influxVersion = ports.influx().health();
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, productVersion, clock.instant().toString(),
                    profile.name(), influxVersion, runId, buckets, Manifest.ONLINE_SNAPSHOTS, writer.fileEntries());
            writeManifest(set, manifest);
            Files.move(set, finalName, StandardCopyOption.ATOMIC_MOVE);
            set = null;
            progress.update(1.0, "Backup set " + finalName.getFileName() + " written: " + manifest.files().size() + " files");
            return finalName.getFileName().toString();
        } catch (IOException | RuntimeException e) {
            // a set cut off, whatever cut it (a full disk, InfluxDB or the engine gone), is never left to pass for one
            SecureFiles.deleteQuietly(set);
            throw WriteFailure.of(root, e);
        }
    }

    private Path freeName(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return root.resolve(SetIds.next(FOLDER.format(clock.instant()), names));
        } catch (IOException e) {
            throw ResetException.problem("The backup folder " + root + " cannot be read: " + e.getMessage() + ".", "", e);
        }
    }

    private static void writeManifest(Path set, Manifest manifest) throws IOException {
        Path temporary = set.resolve(Manifest.FILE_NAME + ".tmp");
        FileBackupStore.JSON.writeValue(temporary.toFile(), manifest);
        SecureFiles.restrictFile(temporary);
        Files.move(temporary, set.resolve(Manifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }
}
