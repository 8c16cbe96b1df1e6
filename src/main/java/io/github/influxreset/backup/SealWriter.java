package io.github.influxreset.backup;

import io.github.influxreset.domain.FieldCounts;

import com.github.luben.zstd.ZstdInputStream;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.SealOutcome;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.data.MeteredOutput;
import io.github.influxreset.engine.data.Throughput;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seals a complete set once the services have stopped: per bucket, the values they wrote after the
 * set was written are exported into {@code seal/}, counted from the file against the server, and
 * the SQLite databases copied again where they changed. Its cost follows what was written since the
 * set, not the set: only when values stamped before the set's cut arrived late is a whole bucket
 * exported again (said in the log).
 */
final class SealWriter {
    private final Profile profile;
    private final Ports ports;
    private final Path set;
    private final Progress progress;
    private final Clock clock;
    private final List<String> changes = new ArrayList<>();
    private final List<String> grown = new ArrayList<>();
    private long exported;

    SealWriter(Profile profile, Ports ports, Path set, Progress progress, Clock clock) {
        this.profile = profile;
        this.ports = ports;
        this.set = set;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Writes the seal (replacing an earlier one of the set) when anything changed; says what it
     * added. A bucket named in {@code setAside} is read from its aside name and sealed under its
     * own; the live bucket of its name (new since the stop) is left out.
     */
    SealOutcome seal(Manifest manifest, Map<String, String> setAside) throws IOException {
        Path work = set.resolve(Seal.INCOMPLETE);
        SecureFiles.deleteQuietly(work);
        SecureFiles.createPrivateDirectory(work);
        try {
            SecureFiles.createPrivateDirectory(work.resolve("export"));
            List<Seal.Entry> entries = new ArrayList<>();
            Map<String, String> ownNames = new HashMap<>();
            setAside.forEach((name, aside) -> ownNames.put(aside, name));
            for (BucketSpec live : ports.influx().buckets()) {
                if (setAside.containsKey(live.name())) {
                    continue;
                }
                String name = ownNames.getOrDefault(live.name(), live.name());
                Optional<Manifest.BucketEntry> base = manifest.buckets().stream()
                        .filter(b -> b.name().equals(name)).findFirst();
                entry(name, live, base, work).ifPresent(entries::add);
            }
            copySqliteThatChanged(manifest, work);
            if (!changes.isEmpty()) {
                List<Manifest.FileEntry> files = new ArrayList<>();
                for (Manifest.FileEntry file : new BackupWriter(profile, ports, work, progress, Instant.EPOCH).fileEntries()) {
                    files.add(new Manifest.FileEntry(Seal.FOLDER + "/" + file.path(), file.size(), file.sha256()));
                }
                Seal seal = new Seal(Seal.FORMAT_VERSION, clock.instant().toString(), manifest.runId(), entries, files);
                Path temporary = work.resolve(Manifest.FILE_NAME + ".tmp");
                FileBackupStore.JSON.writeValue(temporary.toFile(), seal);
                SecureFiles.restrictFile(temporary);
                Files.move(temporary, work.resolve(Manifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
                SecureFiles.deleteQuietly(set.resolve(Seal.FOLDER));
                Files.move(work, set.resolve(Seal.FOLDER), StandardCopyOption.ATOMIC_MOVE);
            }
            return new SealOutcome(changes, grown, exported);
        } finally {
            SecureFiles.deleteQuietly(work);
        }
    }

    /**
     * The seal entry of bucket {@code name}, read from the server's bucket {@code source}, or none
     * when that holds, per field, what the set holds.
     */
    private Optional<Seal.Entry> entry(String name, BucketSpec source, Optional<Manifest.BucketEntry> base, Path work)
            throws IOException {
        InfluxPort influx = ports.influx();
        String from = source.name();
        if (base.isPresent() && base.get().cut() != null && base.get().valuesBefore() != null) {
            Instant cut = Instant.parse(base.get().cut());
            Map<String, Map<String, Long>> older = FieldCounts.nonZero(influx.countFieldValues(from, Instant.EPOCH, cut));
            if (older.equals(FieldCounts.nonZero(base.get().valuesBefore()))) {
                Map<String, Map<String, Long>> later = FieldCounts.nonZero(influx.countFieldValues(from, cut, Seal.RANGE_END));
                Map<String, Map<String, Long>> now = FieldCounts.plus(older, later);
                if (now.equals(FieldCounts.nonZero(base.get().values()))) {
                    return Optional.empty();
                }
                Map<String, Map<String, Long>> delta = export(name, work, later, out -> influx.export(from, out, cut, Seal.RANGE_END));
                noteChange(name, base, now, delta, "the values stamped since " + cut);
                return Optional.of(new Seal.Entry(name, source.retention().format(), cut.toString(), delta,
                        FieldCounts.plus(base.get().valuesBefore(), delta)));
            }
            progress.update(-1, "Bucket " + name + " took values stamped before " + cut + " after the backup set was written "
                    + "(a writer sending old points), so the seal exports the whole bucket");
        }
        Map<String, Map<String, Long>> now = FieldCounts.nonZero(influx.countFieldValues(from));
        if (base.isPresent() && now.equals(FieldCounts.nonZero(base.get().values()))) {
            return Optional.empty();
        }
        Map<String, Map<String, Long>> whole = export(name, work, now, out -> influx.export(from, out));
        noteChange(name, base, now, whole, "the whole bucket");
        return Optional.of(new Seal.Entry(name, source.retention().format(), null, whole, whole));
    }

    private void noteChange(String bucket, Optional<Manifest.BucketEntry> base, Map<String, Map<String, Long>> now,
                            Map<String, Map<String, Long>> exported, String what) {
        long held = base.map(b -> FieldCounts.total(b.values())).orElse(0L);
        changes.add(bucket + ": " + (base.isPresent() ? held + " values in the set, " : "not in the set, ")
                + FieldCounts.total(now) + " now; " + what + " added (" + FieldCounts.total(exported) + " values)");
        if (FieldCounts.total(now) > held) {
            grown.add(bucket);
        }
        this.exported += FieldCounts.total(exported);
    }

    private interface Export {
        void into(OutputStream out) throws IOException;
    }

    /** Exports into the seal's file, then counts the file: every value the server counted must be in it. */
    private Map<String, Map<String, Long>> export(String bucket, Path work, Map<String, Map<String, Long>> counted,
                                                  Export export) throws IOException {
        Path file = work.resolve(BackupWriter.exportFile(bucket));
        try (OutputStream out = new MeteredOutput(FileBackupStore.zstd(file), Throughput.UNKNOWN,
                "Sealing bucket " + bucket, progress)) {
            export.into(out);
        }
        SecureFiles.restrictFile(file);
        Map<String, Map<String, Long>> held;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            held = FieldCounts.nonZero(ExportTally.of(in, Seal.exportFile(bucket)));
        }
        BackupWriter.requireComplete(bucket, counted, held);
        return held;
    }

    /** A fresh copy of each SQLite database; one byte-identical to the set's copy is dropped again. */
    private void copySqliteThatChanged(Manifest manifest, Path work) throws IOException {
        if (profile.sqlite().isEmpty()) {
            return;
        }
        new BackupWriter(profile, ports, work, Progress.NONE, Instant.EPOCH).writeSqlite();
        for (int i = 0; i < profile.sqlite().size(); i++) {
            String file = SqliteSpec.setFile(profile.sqlite(), i);
            Path copy = work.resolve(file);
            String hash = Hashing.sha256(copy);
            boolean same = manifest.files().stream().anyMatch(f -> f.path().equals(file) && f.sha256().equals(hash));
            if (same) {
                Files.delete(copy);
            } else {
                changes.add("SQLite database " + profile.sqlite().get(i).describe() + " changed after the set; copied again");
            }
        }
    }
}
