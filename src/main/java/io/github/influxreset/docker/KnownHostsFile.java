package io.github.influxreset.docker;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.port.KnownHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Records a host key the user trusted in their {@code known_hosts}, as {@code ssh} does after a
 * "yes": one line appended, the folder ({@code 0700}) and the file ({@code 0600}) made when absent.
 */
public final class KnownHostsFile implements KnownHosts {
    @Override
    public void trust(UnknownHostKey key) {
        if (key.knownHostsLine().isBlank()) {
            throw ResetException.problem("The host key of " + key.host() + " is of a type this program cannot record.",
                    "Log in once with ssh to accept it, then try again.", null);
        }
        Path file = key.knownHosts();
        try {
            if (Files.notExists(file.getParent())) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            String held = Files.readString(file, StandardCharsets.UTF_8);
            if (held.lines().anyMatch(key.knownHostsLine()::equals)) {
                return;
            }
            String line = (held.isEmpty() || held.endsWith("\n") ? "" : "\n") + key.knownHostsLine() + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw ResetException.problem("The host key of " + key.host() + " could not be added to " + file + ": "
                    + e.getMessage() + ".", "Check that the file is writable, or log in once with ssh to accept the key.", e);
        }
    }
}
