package io.github.influxreset.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.TarArchive;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.input.ReadAheadInputStream;

/**
 * The {@code volumes/NAME.tar.zst} files of a set: zstd level 1 on up to four threads (a snapshot
 * is part of the downtime, so it must keep up with reading the volume), and their restore.
 */
public final class VolumeSnapshots {
    private static final int BUFFER = 1 << 20;
    private static final int MAX_WORKERS = 4;
    private static final int JOB_SIZE = 4 << 20;

    private VolumeSnapshots() {
    }

    /** A new snapshot file; what is written to the stream is compressed into it. */
    public static OutputStream create(Path file) throws IOException {
        ZstdOutputStream zstd = new ZstdOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER), 1);
        // one worker more than the cores: the thread that reads the volume waits on the disk, not the CPU;
        // 4 MiB jobs keep the workers fed (measured in SnapshotBenchmark on two cores: 1.05x tar | zstd -1)
        int workers = Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors() + 1);
        return zstd.setWorkers(workers).setJobSize(JOB_SIZE);
    }

    /** The tar inside a snapshot file, decompressed ahead of the reader on a thread of its own. */
    public static InputStream open(Path file) throws IOException {
        return ReadAheadInputStream.builder()
                .setInputStream(new ZstdInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER)))
                .setBufferSize(BUFFER).get();
    }

    /**
     * Puts a snapshot back into a volume; a bad or unreadable archive is refused, with a sentence,
     * before the volume changes.
     */
    public static void restore(DockerPort docker, Path file, String volume, String image) {
        if (!Files.isReadable(file)) {
            throw unreadable(file, "the file is missing or cannot be read", null);
        }
        docker.restoreVolume(volume, image, archive(file));
    }

    /** A snapshot file as the Docker port reads it: decompressed, checked with {@link ArchiveSafety}. */
    static TarArchive archive(Path file) {
        return new TarArchive() {
            @Override
            public InputStream open() {
                try {
                    return VolumeSnapshots.open(file);
                } catch (IOException e) {
                    throw unreadable(file, e.getMessage(), e);
                }
            }

            @Override
            public void check() {
                try (InputStream in = open()) {
                    ArchiveSafety.check(in, file.getFileName().toString());
                } catch (IOException e) {
                    throw unreadable(file, e.getMessage(), e);
                }
            }
        };
    }

    private static ResetException unreadable(Path file, String why, Exception cause) {
        return ResetException.problem("The volume snapshot " + file + " could not be read: " + why + ".",
                "Verify the set with 'backups verify' and restore from another set if it fails.", cause);
    }
}
