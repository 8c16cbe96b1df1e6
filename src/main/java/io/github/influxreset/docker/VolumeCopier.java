package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.influxreset.engine.port.TarArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves the files of volumes: one into another, out as a tar snapshot, and back. Through the Docker
 * archive API, streaming: helper containers of an image already on the engine are created (never
 * started), each mounting a volume at {@code /data}. Needs no shell or tools inside the image. The
 * helpers, and any anonymous volume their image declares, are removed whatever happens. Snapshots
 * and restores go straight through the volume's host folder instead when {@link VolumeFolder}
 * proves it is the engine's own (the archive endpoint is slower than the disk).
 */
final class VolumeCopier {
    private static final String MOUNT = "/data";

    private final DockerClient client;
    private final RawArchive raw;

    private final boolean hostFolders;

    /**
     * @param raw         the direct archive path of a unix-socket engine, or null to use docker-java for it
     * @param hostFolders whether a volume's host folder may be read and written directly ({@link VolumeFolder}):
     *                    only on an engine of this machine
     */
    VolumeCopier(DockerClient client, RawArchive raw, boolean hostFolders) {
        this.client = client;
        this.raw = raw;
        this.hostFolders = hostFolders;
    }

    void copy(String from, String to, String image) {
        String source = helper(from, image);
        try {
            String target = helper(to, image);
            try {
                if (raw != null) {
                    pipe(source, target);
                } else {
                    try (InputStream tar = client.copyArchiveFromContainerCmd(source, MOUNT).exec()) {
                        client.copyArchiveToContainerCmd(target).withRemotePath("/").withTarInputStream(tar).exec();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("copying " + from + " to " + to + " failed", e);
            } finally {
                client.removeContainerCmd(target).withRemoveVolumes(true).exec();
            }
        } finally {
            client.removeContainerCmd(source).withRemoveVolumes(true).exec();
        }
    }

    /** Streams one helper's /data into the other's: the download feeds the upload through a pipe. */
    private void pipe(String source, String target) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        IOException[] uploadFailure = {null};
        Thread upload;
        try (PipedOutputStream out = new PipedOutputStream(in)) {
            upload = new Thread(() -> {
                try (in) {
                    raw.put(target, "/", in);
                } catch (IOException e) {
                    uploadFailure[0] = e;
                }
            }, "influx-reset-volume-copy");
            upload.start();
            try {
                raw.get(source, MOUNT, out);
            } catch (IOException | RuntimeException downloadFailed) {
                // the upload must not see a clean end of a short archive: its next read fails instead
                in.close();
                join(upload);
                throw downloadFailed;
            }
        }
        join(upload);
        if (uploadFailure[0] != null) {
            throw uploadFailure[0];
        }
    }

    /**
     * Streams the volume's files out as tar: straight from its host folder when that is proved to be
     * the engine's own and holds only files, folders and links, else through the archive API.
     */
    void snapshot(String volume, String image, OutputStream out) {
        try {
            Optional<Path> folder = hostFolder(volume, image);
            Optional<List<Path>> entries = folder.isPresent() ? FolderTar.entries(folder.get())
                    : Optional.empty();
            if (entries.isPresent()) {
                FolderTar.write(folder.get(), entries.get(), out);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot of volume " + volume + " failed", e);
        }
        String source = helper(volume, image);
        try {
            if (raw != null) {
                raw.get(source, MOUNT, out);
            } else {
                try (InputStream tar = client.copyArchiveFromContainerCmd(source, MOUNT).exec()) {
                    tar.transferTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot of volume " + volume + " failed", e);
        } finally {
            client.removeContainerCmd(source).withRemoveVolumes(true).exec();
        }
    }

    /**
     * Extracts a tar made by {@link #snapshot} into the volume, over what it holds: into the host
     * folder (staged, so a refused entry changes nothing), else checked whole, then through the engine.
     */
    void restore(String volume, String image, TarArchive tar) {
        Optional<Path> folder = hostFolder(volume, image);
        try {
            if (folder.isPresent()) {
                try (InputStream in = tar.open()) {
                    FolderUntar.extract(in, folder.get());
                }
                return;
            }
            tar.check();
            String target = helper(volume, image);
            try (InputStream in = tar.open()) {
                if (raw != null) {
                    raw.put(target, "/", in);
                } else {
                    client.copyArchiveToContainerCmd(target).withRemotePath("/").withTarInputStream(in).exec();
                }
            } finally {
                client.removeContainerCmd(target).withRemoveVolumes(true).exec();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore of volume " + volume + " failed", e);
        }
    }

    private static void join(Thread upload) throws InterruptedIOException {
        try {
            upload.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying a volume");
        }
    }

    /** Only over a local unix socket: a remote engine's folders are never this machine's. */
    private Optional<Path> hostFolder(String volume, String image) {
        return raw == null || !hostFolders ? Optional.empty() : new VolumeFolder(client, v -> helper(v, image)).locate(volume);
    }

    private String helper(String volume, String image) {
        return client.createContainerCmd(image)
                .withName("influx-reset-helper-" + UUID.randomUUID().toString().substring(0, 8))
                .withEntrypoint("/influx-reset-helper-never-started")
                .withLabels(HelperLabels.ofThisProcess())
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(MOUNT))))
                .exec().getId();
    }
}
