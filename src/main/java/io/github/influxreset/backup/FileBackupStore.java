package io.github.influxreset.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.domain.SealOutcome;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.data.CountedProgress;
import io.github.influxreset.engine.port.BackupStore;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backup sets in folders under {@code backups.dir}, named {@code YYYYMMDD_HHMMSS} (UTC): the
 * line-protocol export of every bucket (zstd), the configuration files and the InfluxDB
 * container's inspect document (mode 600), an online copy of the SQLite metadata database, and
 * {@code manifest.json} written last with the SHA-256 of every file.
 */
public final class FileBackupStore implements BackupStore {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Profile profile;
    private final Ports ports;
    private final Clock clock;
    private final String productVersion;

    public FileBackupStore(Profile profile, Ports ports, Clock clock, String productVersion) {
        this.profile = profile;
        this.ports = ports;
        this.clock = clock;
        this.productVersion = productVersion;
    }

    @Override
    public String write(StackSnapshot stack, String runId, Progress progress) {
        return new NewSet(profile, ports, clock, productVersion).write(stack, runId, Optional.empty(), progress);
    }

    @Override
    public String writeBuckets(StackSnapshot stack, String runId, Set<String> buckets, Progress progress) {
        return new NewSet(profile, ports, clock, productVersion).write(stack, runId, Optional.of(buckets), progress);
    }

    @Override
    public void verify(String backupId, Progress progress) {
        new BackupVerifier(folder(backupId)).verify(progress);
    }

    @Override
    public List<String> list() {
        return new SetFolders(profile.backups().dir()).complete();
    }

    @Override
    public Map<String, String> unusable() {
        return new SetFolders(profile.backups().dir()).unusable();
    }

    @Override
    public BackupInfo info(String backupId) {
        SealedSet set = new SealedSet(folder(backupId));
        Manifest manifest = set.manifest();
        List<Manifest.FileEntry> sealFiles = set.seal().map(Seal::files).orElse(List.of());
        return new BackupInfo(backupId, Instant.parse(manifest.created()), manifest.profile(),
                manifest.influxVersion(), manifest.runId(), set.buckets().stream()
                .map(b -> new BackupInfo.Bucket(b.name(), b.retention(), b.points())).toList(),
                manifest.files().size() + sealFiles.size(),
                manifest.totalBytes() + sealFiles.stream().mapToLong(Manifest.FileEntry::size).sum(),
                set.seal().map(seal -> Instant.parse(seal.created())));
    }

    @Override
    public SealOutcome seal(String backupId, Map<String, String> setAside, Progress progress) {
        Path set = folder(backupId);
        try {
            SealOutcome outcome = new SealWriter(profile, ports, set, progress, clock)
                    .seal(new BackupVerifier(set).readManifest(), setAside);
            new BackupVerifier(set).verifySeal();
            return outcome;
        } catch (IOException e) {
            throw ResetException.problem("Backup set " + backupId + " could not be sealed: " + e.getMessage() + ".",
                    "Check the space and permissions of " + set + "; nothing was changed.", e);
        }
    }

    @Override
    public void delete(String backupId) {
        Path set = folder(backupId);
        try {
            Files.delete(set.resolve(Manifest.FILE_NAME));
        } catch (IOException e) {
            throw ResetException.problem("Backup set " + backupId + " could not be deleted: " + e.getMessage() + ".",
                    "Check the permissions of " + set + ".", e);
        }
        SecureFiles.deleteQuietly(set);
    }

    @Override
    public String containerConfig(String backupId, String containerName) {
        Path file = folder(backupId).resolve(BackupWriter.containerFile(containerName));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw ResetException.problem("Backup set " + backupId + " holds no configuration of container "
                    + containerName + ".", "Restore the container by hand from its compose file.", e);
        }
    }

    @Override
    public boolean holdsVolume(String backupId, String volume) {
        return Files.isRegularFile(folder(backupId).resolve(BackupWriter.volumeFile(volume)));
    }

    @Override
    public void restoreVolume(String backupId, String volume, String image) {
        VolumeSnapshots.restore(ports.docker(), folder(backupId).resolve(BackupWriter.volumeFile(volume)), volume, image);
    }

    @Override
    public Optional<Map<String, Map<String, Long>>> fieldValues(String backupId, String bucket) {
        return new SealedSet(folder(backupId)).bucket(bucket).map(Manifest.BucketEntry::values);
    }

    @Override
    public boolean holdsNative(String backupId) {
        Path influx = folder(backupId).resolve("influx");
        if (profile.influx().isV1() || !Files.isDirectory(influx, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> files = Files.list(influx)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".manifest"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void restoreNative(String backupId) {
        if (!holdsNative(backupId)) {
            throw ResetException.badInput("Backup set " + backupId + " holds no native backup of InfluxDB 2.x.",
                    "Restore it from the export (the default) or from the volume snapshots (--from volumes).");
        }
        ports.influx().restoreNativeBackup(folder(backupId).resolve("influx"));
    }

    @Override
    public boolean holdsBucket(String backupId, String bucket) {
        return new SealedSet(folder(backupId)).bucket(bucket).isPresent();
    }

    @Override
    public void restoreBucket(String backupId, String bucket, String targetBucket, Progress progress) {
        Manifest.BucketEntry entry = new SealedSet(folder(backupId)).bucket(bucket).orElseThrow(() -> ResetException.badInput(
                        "Backup set " + backupId + " holds no bucket " + bucket + ".",
                        "See the buckets of the set with 'backups show " + backupId + "'."));
        if (ports.influx().buckets().stream().noneMatch(b -> b.name().equals(targetBucket))) {
            ports.influx().createBucket(new BucketSpec(targetBucket, Retention.parse(entry.retention()).orElseThrow()));
        }
        CountedProgress written = new CountedProgress("Writing bucket " + bucket + " into " + targetBucket, "values",
                FieldCounts.total(entry.values() == null ? Map.of() : entry.values()), progress);
        new BucketWriter(ports.influx(), targetBucket, BackupWriter.exportFile(bucket))
                .writeAll(line -> exportLines(backupId, bucket, line), written::at);
    }

    @Override
    public List<String> sealedBuckets(String backupId) {
        return new SealedSet(folder(backupId)).seal().map(s -> s.buckets().stream().map(Seal.Entry::name).toList())
                .orElse(List.of());
    }

    @Override
    public void restoreSealedValues(String backupId, String bucket) {
        SealedSet set = new SealedSet(folder(backupId));
        new BucketWriter(ports.influx(), bucket, Seal.exportFile(bucket)).writeAll(line -> {
            try {
                set.sealLines(bucket, line);
            } catch (IOException e) {
                throw ResetException.problem("The seal of bucket " + bucket + " could not be read from backup set " + backupId
                        + ": " + e.getMessage() + ".", "Verify the set with 'backups verify " + backupId + "'.", e);
            }
        }, values -> { });
    }

    @Override
    public Optional<Path> sqliteCopy(String backupId, String setFile) {
        return new SealedSet(folder(backupId)).sqlite(setFile);
    }

    @Override
    public void exportLines(String backupId, String bucket, Consumer<String> line) {
        SealedSet set = new SealedSet(folder(backupId));
        if (!set.holdsExport(bucket)) {
            throw ResetException.badInput("Backup set " + backupId + " holds no export of bucket " + bucket + ".",
                    "See the buckets of the set with 'backups show " + backupId + "'.");
        }
        try {
            set.exportLines(bucket, line);
        } catch (IOException | IllegalArgumentException e) {
            throw ResetException.problem("Bucket " + bucket + " could not be read from backup set " + backupId + ": "
                    + e.getMessage() + ".", "Verify the set with 'backups verify " + backupId + "'.", e);
        }
    }

    /** The folder of a complete set; a folder without a manifest is never used. */
    Path folder(String backupId) {
        if (!backupId.matches("[0-9]{8}_[0-9]{6}(_[0-9]+)?")) {
            throw ResetException.badInput("'" + backupId + "' is not a backup id.", "List the sets with 'backups list'.");
        }
        Path set = profile.backups().dir().resolve(backupId);
        if (!Files.isRegularFile(set.resolve(Manifest.FILE_NAME))) {
            throw ResetException.badInput("There is no complete backup set " + backupId + " in " + profile.backups().dir() + ".",
                    "List the sets with 'backups list'.");
        }
        return set;
    }

    @Override
    public void removeIncomplete(String runId) {
        Path root = profile.backups().dir();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(e -> e.getFileName().toString().startsWith(NewSet.incompletePrefix(runId)))
                    .filter(e -> Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)).forEach(SecureFiles::deleteQuietly);
        } catch (IOException e) {
            throw ResetException.problem("The backup folder " + root + " cannot be read: " + e.getMessage() + ".", "", e);
        }
    }

    static OutputStream zstd(Path file) throws IOException {
        return new ZstdOutputStream(Files.newOutputStream(file), 3);
    }
}
