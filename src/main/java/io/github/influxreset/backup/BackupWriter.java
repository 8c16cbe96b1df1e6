package io.github.influxreset.backup;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.data.CountedProgress;
import io.github.influxreset.engine.data.MeteredOutput;
import io.github.influxreset.engine.data.Throughput;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Writes the parts of one backup set into its folder; the manifest is the store's job. */
final class BackupWriter {
    private final Profile profile;
    private final Ports ports;
    private final Path set;
    private final Progress progress;
    private final Instant cut;

    /** @param cut before it, each export's values are counted apart (see {@link Manifest.BucketEntry}) */
    BackupWriter(Profile profile, Ports ports, Path set, Progress progress, Instant cut) {
        this.profile = profile;
        this.ports = ports;
        this.set = set;
        this.progress = progress;
        this.cut = cut;
    }

    static String containerFile(String containerName) {
        return "config/containers/" + containerName + ".json";
    }

    static String exportFile(String bucket) {
        return "export/" + bucket + ".lp.zst";
    }

    /** Compose files, {@code .env} and the InfluxDB container's inspect document, each mode 600. */
    void writeConfig(StackSnapshot stack) throws IOException {
        Path config = SecureFiles.createPrivateDirectory(set.resolve("config"));
        List<Path> files = new ArrayList<>(profile.stack().configFiles());
        profile.stack().env().ifPresent(files::add);
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                Path copy = config.resolve(file.getFileName().toString());
                if (Files.isSymbolicLink(file)) {
                    progress.update(-1, "Configuration file " + file + " is a link to " + file.toRealPath()
                            + "; the set keeps a copy of its target's bytes (a set never holds a link)");
                }
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                SecureFiles.restrictFile(copy);
            } else {
                progress.update(-1, "Configuration file " + file + " does not exist; not backed up");
            }
        }
        Optional<ContainerInfo> influx = stack.service(profile.influx().service());
        if (influx.isPresent()) {
            SecureFiles.createPrivateDirectory(config.resolve("containers"));
            Path inspect = set.resolve(containerFile(influx.get().name()));
            Files.writeString(inspect, ports.docker().inspect(influx.get().id()));
            SecureFiles.restrictFile(inspect);
        }
    }

    /**
     * A consistent copy of each SQLite database, checked with integrity_check: the first (the main
     * metadata database) as {@code sqlite/metadata.db}, the others under their own names.
     */
    void writeSqlite() throws IOException {
        List<SqliteSpec> databases = profile.sqlite();
        if (databases.isEmpty()) {
            return;
        }
        SecureFiles.createPrivateDirectory(set.resolve("sqlite"));
        for (int i = 0; i < databases.size(); i++) {
            Path copy = set.resolve(SqliteSpec.setFile(databases, i));
            progress.update(0.05 + 0.1 * i / databases.size(), "Copying the SQLite database " + databases.get(i).describe());
            ports.metadata().backupTo(databases.get(i), copy);
            SecureFiles.restrictFile(copy);
            progress.update(-1, "SQLite database " + databases.get(i).describe() + " copied to " + SqliteSpec.setFile(databases, i)
                    + " (" + Files.size(copy) + " bytes, integrity ok)");
        }
    }

    /**
     * The line protocol of every bucket on the server (the profile's first, then the others: a
     * full reset drops those too), or of those {@code only} names, zstd-compressed; its live
     * retention and counts.
     */
    List<Manifest.BucketEntry> writeExports(Optional<Set<String>> only) throws IOException {
        SecureFiles.createPrivateDirectory(set.resolve("export"));
        Map<String, BucketSpec> live = new HashMap<>();
        ports.influx().buckets().forEach(b -> live.put(b.name(), b));
        List<Manifest.BucketEntry> entries = new ArrayList<>();
        List<BucketSpec> buckets = new ArrayList<>(profile.buckets());
        live.values().stream().filter(b -> profile.bucket(b.name()).isEmpty())
                .sorted(Comparator.comparing(BucketSpec::name)).forEach(buckets::add);
        only.ifPresent(names -> buckets.removeIf(b -> !names.contains(b.name())));
        for (int i = 0; i < buckets.size(); i++) {
            BucketSpec bucket = buckets.get(i);
            if (!live.containsKey(bucket.name())) {
                progress.update(-1, "Bucket " + bucket.name() + " does not exist; nothing to export");
                continue;
            }
            progress.update(0.15 + 0.4 * i / buckets.size(), "Exporting bucket " + bucket.name());
            Map<String, Map<String, Long>> before = ports.influx().countFieldValues(bucket.name());
            Path file = set.resolve(exportFile(bucket.name()));
            ExportTally.Counts counted;
            CountedProgress exported = new CountedProgress("Exporting bucket " + bucket.name(), "values",
                    before.values().stream().flatMap(fields -> fields.values().stream()).mapToLong(Long::longValue).sum(),
                    progress.within(0.15 + 0.4 * i / buckets.size(), 0.15 + 0.4 * (i + 1) / buckets.size()));
            try (ExportTally.CountingOutput out = new ExportTally.CountingOutput(FileBackupStore.zstd(file),
                    exportFile(bucket.name()), LineProtocol.nanos(cut), exported::at)) {
                ports.influx().export(bucket.name(), out);
                counted = out.counts();
            }
            SecureFiles.restrictFile(file);
            Map<String, Map<String, Long>> held = counted.values();
            requireComplete(bucket.name(), before, held);
            Map<String, Long> points = FieldCounts.pointsPerMeasurement(counted.distinct());
            progress.update(-1, "Exported " + points.values().stream().mapToLong(Long::longValue).sum() + " points of "
                    + bucket.name() + " (counted as written, every field as InfluxDB counted it; the verification counts the "
                    + "file again)" + repeatedNote(counted.repeated()));
            entries.add(new Manifest.BucketEntry(bucket.name(), live.get(bucket.name()).retention().format(), points, held,
                    cut.toString(), counted.before()));
        }
        return entries;
    }

    /** What a progress line adds when the server answered rows twice: they are kept, and stored once by a restore. */
    private static String repeatedNote(long repeated) {
        return repeated == 0 ? "" : "; InfluxDB answered " + repeated + " of the values twice (it does after a large "
                + "write until it compacts): the file keeps them, a restore stores each once";
    }

    /**
     * Every value InfluxDB counted before the export must be in the file (more may have been
     * written during it); else the backup fails naming the first measurement and field short.
     */
    static void requireComplete(String bucket, Map<String, Map<String, Long>> before,
                                        Map<String, Map<String, Long>> held) {
        before.forEach((measurement, fields) -> fields.forEach((field, count) -> {
            long inFile = held.getOrDefault(measurement, Map.of()).getOrDefault(field, 0L);
            if (inFile < count) {
                throw ResetException.problem("The export of bucket " + bucket
                        + " is incomplete: field " + field + " of " + measurement + " has " + inFile + " of the " + count
                        + " values InfluxDB counted before the export.", "Write the backup again; if it repeats, check "
                        + "InfluxDB's log. Nothing was changed.", null);
            }
        }));
    }

    /**
     * A zstd-compressed tar of every volume of the InfluxDB container ({@code volumes/NAME.tar.zst}),
     * streamed from the engine to the file.
     */
    void writeVolumes(StackSnapshot stack) throws IOException {
        Optional<ContainerInfo> influx = stack.service(profile.influx().service());
        if (influx.isEmpty() || influx.get().volumeNames().isEmpty()) {
            return;
        }
        SecureFiles.createPrivateDirectory(set.resolve("volumes"));
        List<String> volumes = influx.get().volumeNames();
        for (int i = 0; i < volumes.size(); i++) {
            String volume = volumes.get(i);
            Progress part = progress.within(0.6 + 0.38 * i / volumes.size(), 0.6 + 0.38 * (i + 1) / volumes.size());
            part.update(0, "Snapshot of volume " + volume);
            Path file = set.resolve(volumeFile(volume));
            long size = ports.docker().volumeSize(volume).orElse(Throughput.UNKNOWN);
            try (OutputStream out = new MeteredOutput(VolumeSnapshots.create(file), size, "Snapshot of volume " + volume,
                    part)) {
                ports.docker().snapshotVolume(volume, influx.get().image(), out);
            }
            SecureFiles.restrictFile(file);
        }
    }

    static String volumeFile(String volume) {
        return "volumes/" + volume + ".tar.zst";
    }

    /**
     * The native backup of InfluxDB 1.x ({@code influxd backup -portable}), run in a helper
     * container next to the InfluxDB container and extracted into {@code influx/}. 2.x writes
     * none (its export and volume snapshots hold the data).
     */
    void writeNative(StackSnapshot stack) throws IOException {
        if (!profile.influx().isV1()) {
            writeNative2();
            return;
        }
        Optional<ContainerInfo> influx = stack.service(profile.influx().service());
        if (influx.isEmpty() || !influx.get().isRunning()) {
            return;
        }
        progress.update(0.55, "Native backup (influxd backup -portable)");
        Path tar = set.resolve("influx-native.tar");
        List<String> output = new ArrayList<>();
        int exit;
        try (OutputStream out = Files.newOutputStream(tar)) {
            exit = ports.docker().runHelper(influx.get().image(), influx.get().id(), List.of("influxd", "backup", "-portable",
                    "-host", "127.0.0.1:" + NativeBackup.rpcPort(ports.docker().inspect(influx.get().id())), "/backup"),
                    "/backup", out, output::add);
        }
        try {
            if (exit != 0) {
                throw ResetException.problem("influxd backup failed (exit code " + exit + "): "
                        + String.join(" | ", output.subList(Math.max(0, output.size() - 3), output.size())) + ".",
                        "Check that InfluxDB's RPC address (INFLUXDB_BIND_ADDRESS) is reachable in its container.", null);
            }
            ArchiveSafety.extract(tar, SecureFiles.createPrivateDirectory(set.resolve("influx")));
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /**
     * The server's own backup of InfluxDB 2.x in {@code influx/}, restorable with
     * {@code influx restore}; when the token may not take it, the log says so and why (the export
     * and the volume snapshots still hold the data).
     */
    private void writeNative2() throws IOException {
        Optional<String> problem = ports.influx().nativeBackupProblem();
        if (problem.isPresent()) {
            progress.update(-1, "No native backup of InfluxDB: " + problem.get()
                    + "; the line-protocol export and the volume snapshots hold the data");
            return;
        }
        progress.update(0.55, "Native backup (InfluxDB's backup API, as 'influx backup' writes it)");
        ports.influx().writeNativeBackup(SecureFiles.createPrivateDirectory(set.resolve("influx")));
    }

    /** Every file written so far, with size and SHA-256. */
    List<Manifest.FileEntry> fileEntries() throws IOException {
        List<Manifest.FileEntry> entries = new ArrayList<>();
        try (Stream<Path> all = Files.walk(set)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                String relative = set.relativize(file).toString().replace('\\', '/');
                entries.add(new Manifest.FileEntry(relative, Files.size(file), Hashing.sha256(file)));
            }
        }
        return entries;
    }
}
