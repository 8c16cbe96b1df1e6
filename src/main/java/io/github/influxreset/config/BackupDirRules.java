package io.github.influxreset.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where backup sets may not go: prune deletes folders inside {@code backups.dir}, so it must be a
 * folder of its own, never the root, a system folder, the home folder itself, or Docker's own
 * storage (where the InfluxDB volume lives).
 */
final class BackupDirRules {
    private static final List<String> SYSTEM = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root",
            "/run", "/sbin", "/sys", "/usr", "/var", "/var/lib", "/opt", "/srv", "/home", "/tmp", "/mnt", "/media");
    private static final List<String> INSIDE_FORBIDDEN = List.of("/proc", "/sys", "/dev", "/etc", "/usr", "/bin", "/sbin",
            "/boot", "/lib", "/var/lib/docker");

    private BackupDirRules() {
    }

    /** Why {@code dir} may not hold backup sets, if so. */
    static Optional<String> problem(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        String text = normal.toString();
        if (normal.getParent() == null) {
            return Optional.of("'" + text + "' is the root folder; choose a folder of its own, like ~/influx-reset-backups");
        }
        if (SYSTEM.contains(text)) {
            return Optional.of("'" + text + "' is a system folder; choose a folder of its own, like ~/influx-reset-backups");
        }
        if (normal.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())) {
            return Optional.of("'" + text + "' is the home folder itself (prune would delete in it); use a folder inside it, "
                    + "like ~/influx-reset-backups");
        }
        for (String forbidden : INSIDE_FORBIDDEN) {
            if (text.startsWith(forbidden + "/")) {
                return Optional.of("'" + text + "' is inside " + forbidden + (forbidden.equals("/var/lib/docker")
                        ? " (Docker's storage, where the InfluxDB volume lives)" : " (a system folder)")
                        + "; choose a folder of its own, like ~/influx-reset-backups");
            }
        }
        return Optional.empty();
    }
}
