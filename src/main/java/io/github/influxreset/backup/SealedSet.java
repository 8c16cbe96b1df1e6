package io.github.influxreset.backup;

import com.github.luben.zstd.ZstdInputStream;
import io.github.influxreset.domain.FieldCounts;
import io.github.influxreset.domain.LineProtocol;
import io.github.influxreset.domain.LineSections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * A complete set as restores, carries and the browser read it: its manifest, and where the set was
 * sealed, the seal over it (see {@link Seal}): a sealed bucket's values and lines are those at the
 * services' stop.
 */
final class SealedSet {
    private final Path set;
    private final Manifest manifest;
    private final Optional<Seal> seal;

    SealedSet(Path set) {
        this.set = set;
        BackupVerifier reader = new BackupVerifier(set);
        this.manifest = reader.readManifest();
        this.seal = reader.readSeal();
    }

    Manifest manifest() {
        return manifest;
    }

    Optional<Seal> seal() {
        return seal;
    }

    /** Every bucket of the set, as sealed where the seal holds it. */
    List<Manifest.BucketEntry> buckets() {
        List<Manifest.BucketEntry> buckets = new ArrayList<>();
        for (Manifest.BucketEntry base : manifest.buckets()) {
            buckets.add(sealed(base.name()).map(e -> asBucket(e, base)).orElse(base));
        }
        seal.ifPresent(s -> s.buckets().stream().filter(e -> manifest.buckets().stream().noneMatch(b -> b.name().equals(e.name())))
                .forEach(e -> buckets.add(asBucket(e, null))));
        return buckets;
    }

    Optional<Manifest.BucketEntry> bucket(String name) {
        return buckets().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The lines of a bucket in order, streamed: the set's (less those the seal replaced), then the seal's. */
    void exportLines(String bucket, Consumer<String> line) throws IOException {
        Optional<Seal.Entry> sealed = sealed(bucket);
        Path own = set.resolve(BackupWriter.exportFile(bucket));
        if (sealed.isEmpty()) {
            read(own, null, line);
            return;
        }
        if (!sealed.get().whole()) {
            long cut = LineProtocol.nanos(Instant.parse(sealed.get().cut()));
            long end = LineProtocol.nanos(Seal.RANGE_END);
            read(own, t -> t < cut || t >= end, line);
        }
        read(set.resolve(Seal.exportFile(bucket)), null, line);
    }

    /** Only the lines the seal added for a bucket (none where it added none). */
    void sealLines(String bucket, Consumer<String> line) throws IOException {
        if (sealed(bucket).isPresent()) {
            read(set.resolve(Seal.exportFile(bucket)), null, line);
        }
    }

    boolean holdsExport(String bucket) {
        return Files.isRegularFile(set.resolve(BackupWriter.exportFile(bucket)))
                || Files.isRegularFile(set.resolve(Seal.exportFile(bucket)));
    }

    /** The newest copy of a SQLite database the set holds: the seal's where the database changed. */
    Optional<Path> sqlite(String setFile) {
        Path sealed = set.resolve(Seal.FOLDER).resolve(setFile);
        if (seal.isPresent() && Files.isRegularFile(sealed)) {
            return Optional.of(sealed);
        }
        Path own = set.resolve(setFile);
        return Files.isRegularFile(own) ? Optional.of(own) : Optional.empty();
    }

    private Optional<Seal.Entry> sealed(String bucket) {
        return seal.flatMap(s -> s.buckets().stream().filter(e -> e.name().equals(bucket)).findFirst());
    }

    private static Manifest.BucketEntry asBucket(Seal.Entry entry, Manifest.BucketEntry base) {
        return new Manifest.BucketEntry(entry.name(), entry.retention(), FieldCounts.pointsPerMeasurement(entry.values()), entry.values(),
                base == null ? null : base.cut(), base == null ? null : base.valuesBefore());
    }

    /** Hands on each line of an export, or with {@code stamped} only those whose timestamp it takes. */
    private static void read(Path export, LongPredicate stamped, Consumer<String> line) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ZstdInputStream(Files.newInputStream(export)), StandardCharsets.UTF_8), 1 << 16)) {
            for (String next = lines.readLine(); next != null; next = lines.readLine()) {
                if (stamped == null || next.isBlank() || next.startsWith("#") || stamped.test(LineSections.timestamp(next))) {
                    line.accept(next);
                }
            }
        }
    }
}
