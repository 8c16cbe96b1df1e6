package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.InputStream;
import java.util.UUID;

/**
 * Copies the files of one volume into another through the Docker archive API, streaming: two
 * helper containers of an image already on the engine are created (never started), one mounting
 * each volume at {@code /data}; the tar of the first goes straight into the second. Needs no shell
 * or tools inside the image. The helpers, and any anonymous volume their image declares, are
 * removed whatever happens.
 */
final class VolumeCopier {
    private static final String MOUNT = "/data";

    private final DockerClient client;
    private final RawArchive raw;

    /** @param raw the direct archive path of a unix-socket engine, or null to use docker-java for it */
    VolumeCopier(DockerClient client, RawArchive raw) {
        this.client = client;
        this.raw = raw;
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
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("copying " + from + " to " + to + " failed", e);
            } finally {
                client.removeContainerCmd(target).withRemoveVolumes(true).exec();
            }
        } finally {
            client.removeContainerCmd(source).withRemoveVolumes(true).exec();
        }
    }

    /** Streams one helper's /data into the other's: the download feeds the upload through a pipe. */
    private void pipe(String source, String target) throws java.io.IOException {
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
        java.io.IOException[] uploadFailure = {null};
        Thread upload;
        try (java.io.PipedOutputStream out = new java.io.PipedOutputStream(in)) {
            upload = new Thread(() -> {
                try (in) {
                    raw.put(target, "/", in);
                } catch (java.io.IOException e) {
                    uploadFailure[0] = e;
                }
            }, "influx-reset-volume-copy");
            upload.start();
            try {
                raw.get(source, MOUNT, out);
            } catch (java.io.IOException | RuntimeException downloadFailed) {
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

    void snapshot(String volume, String image, java.io.OutputStream out) {
        String source = helper(volume, image);
        try {
            if (raw != null) {
                raw.get(source, MOUNT, out);
            } else {
                try (InputStream tar = client.copyArchiveFromContainerCmd(source, MOUNT).exec()) {
                    tar.transferTo(out);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("snapshot of volume " + volume + " failed", e);
        } finally {
            client.removeContainerCmd(source).withRemoveVolumes(true).exec();
        }
    }

    void restore(String volume, String image, InputStream tar) {
        String target = helper(volume, image);
        try {
            if (raw != null) {
                raw.put(target, "/", tar);
            } else {
                client.copyArchiveToContainerCmd(target).withRemotePath("/").withTarInputStream(tar).exec();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("restore of volume " + volume + " failed", e);
        } finally {
            client.removeContainerCmd(target).withRemoveVolumes(true).exec();
        }
    }

    private static void join(Thread upload) throws java.io.InterruptedIOException {
        try {
            upload.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while copying a volume");
        }
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
