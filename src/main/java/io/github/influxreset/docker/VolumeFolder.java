package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The host folder of a named volume, when this process may read and write it and it is proved to
 * be the engine's own: a probe file written into the folder is looked for through a helper container
 * that mounts the volume. A remote engine, a Docker Desktop VM, a rootless engine or a user without
 * rights to the folder all find none, and the volume is copied through the engine's archive API.
 * Reading the folder directly is what lets a snapshot run at the speed of {@code tar} on the host
 * (the archive endpoint tops out below it).
 */
final class VolumeFolder {
    /** The probe file's name starts so; a snapshot leaves such files out. */
    static final String PROBE = ".influx-reset-probe-";

    private final DockerClient client;
    private final Function<String, String> helperFor;

    /** @param helperFor creates a never-started helper mounting the given volume at /data and returns its id */
    VolumeFolder(DockerClient client, Function<String, String> helperFor) {
        this.client = client;
        this.helperFor = helperFor;
    }

    Optional<Path> locate(String volume) {
        Optional<Path> folder = mountpoint(volume);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path probe = folder.get().resolve(PROBE + UUID.randomUUID());
        try {
            Files.createFile(probe);
        } catch (IOException | SecurityException notWritable) {
            return Optional.empty();
        }
        try {
            return enginesSees(volume, probe.getFileName().toString()) ? folder : Optional.empty();
        } finally {
            deleteQuietly(probe);
        }
    }

    private Optional<Path> mountpoint(String volume) {
        String mountpoint = client.inspectVolumeCmd(volume).exec().getMountpoint();
        if (mountpoint == null || mountpoint.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(mountpoint);
        return Files.isDirectory(folder) && Files.isReadable(folder) && Files.isWritable(folder)
                ? Optional.of(folder) : Optional.empty();
    }

    private boolean enginesSees(String volume, String probe) {
        String helper = helperFor.apply(volume);
        try (InputStream tar = client.copyArchiveFromContainerCmd(helper, "/data/" + probe).exec()) {
            tar.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (NotFoundException elsewhere) {
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            client.removeContainerCmd(helper).withRemoveVolumes(true).exec();
        }
    }

    private static void deleteQuietly(Path probe) {
        try {
            Files.deleteIfExists(probe);
        } catch (IOException ignored) {
            // a probe left behind is an empty file with a telling name, and snapshots leave it out
        }
    }
}
