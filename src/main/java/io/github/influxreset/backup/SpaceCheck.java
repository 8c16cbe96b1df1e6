package io.github.influxreset.backup;

import io.github.influxreset.domain.ByteSize;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Refuses a backup that cannot fit before a byte is written. The estimate: the InfluxDB volumes'
 * size twice (the snapshot and, at most as large, the export and native backup), else 200 bytes a
 * point, plus the metadata database.
 */
final class SpaceCheck {
    static final long BYTES_PER_POINT = 200;

    private final Profile profile;
    private final Ports ports;

    SpaceCheck(Profile profile, Ports ports) {
        this.profile = profile;
        this.ports = ports;
    }

    void requireRoomFor(StackSnapshot stack, Path root) throws IOException {
        long needed = estimate(stack);
        long free = Files.getFileStore(root).getUsableSpace();
        if (needed > free) {
            throw ResetException.problem("The backup needs about " + ByteSize.human(needed) + " but "
                    + root + " has " + ByteSize.human(free) + " free; nothing was written.",
                    "Free some space or choose another backups.dir in the profile.", null);
        }
    }

    long estimate(StackSnapshot stack) throws IOException {
        long bytes = 0;
        boolean measured = false;
        for (String volume : stack.service(profile.influx().service()).map(ContainerInfo::volumeNames).orElse(List.of())) {
            OptionalLong size = ports.docker().volumeSize(volume);
            if (size.isPresent()) {
                bytes += 2 * size.getAsLong();
                measured = true;
            }
        }
        if (!measured) {
            for (var bucket : ports.influx().buckets()) {
                if (profile.bucket(bucket.name()).isPresent()) {
                    bytes += BYTES_PER_POINT * ports.influx().countPoints(bucket.name()).values().stream()
                            .mapToLong(Long::longValue).sum();
                }
            }
        }
        for (var db : profile.sqlite()) {
            if (db.host().isPresent() && Files.isRegularFile(Path.of(db.host().get()))) {
                bytes += Files.size(Path.of(db.host().get()));
            }
        }
        return bytes;
    }
}
