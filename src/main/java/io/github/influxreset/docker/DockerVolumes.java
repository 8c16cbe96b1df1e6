package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The named volumes of the engine: looked up, made like another (driver and labels), sized, removed. */
final class DockerVolumes {
    private final DockerClient client;
    private final String host;
    private final boolean local;

    /** @param local whether the engine is this machine's: only then is a volume's mount point a folder here */
    DockerVolumes(DockerClient client, String host, boolean local) {
        this.local = local;
        this.client = client;
        this.host = host;
    }

    /** @return whether a volume of that name exists */
    boolean exists(String name) {
        return DockerFailures.call(host, "look up volume " + name, () -> {
            try {
                client.inspectVolumeCmd(name).exec();
                return true;
            } catch (NotFoundException absent) {
                return false;
            }
        });
    }

    void create(String name, String template) {
        DockerFailures.call(host, "create volume " + name, () -> {
            var create = client.createVolumeCmd().withName(name);
            try {
                InspectVolumeResponse like = client.inspectVolumeCmd(template).exec();
                create.withDriver(like.getDriver());
                if (like.getLabels() != null) {
                    create.withLabels(like.getLabels());
                }
            } catch (NotFoundException noTemplate) {
                // a plain local volume
            }
            return create.exec();
        });
    }

    OptionalLong size(String name) {
        return DockerFailures.call(host, "look up volume " + name, () -> {
            try {
                String mountpoint = client.inspectVolumeCmd(name).exec().getMountpoint();
                return mountpoint == null || !local ? OptionalLong.empty() : FolderSize.of(Path.of(mountpoint));
            } catch (NotFoundException absent) {
                return OptionalLong.empty();
            }
        });
    }

    void remove(String name) {
        DockerFailures.call(host, "remove volume " + name, () -> {
            try {
                client.removeVolumeCmd(name).exec();
            } catch (NotFoundException alreadyGone) {
                // removing an absent volume is fine
            }
            return null;
        });
    }
}
