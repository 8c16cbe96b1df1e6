package io.github.influxreset.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of the product's helper containers: that they are helpers, and which process made
 * them (its pid and start time, so a reused pid is not mistaken for the owner). A helper whose
 * owner is gone was left by a process that died mid-copy, and may be removed with its volumes.
 */
final class HelperLabels {
    static final String HELPER = "io.github.influxreset.helper";
    static final String OWNER = "io.github.influxreset.owner";

    private HelperLabels() {
    }

    /** The labels a helper made by this process carries. */
    static Map<String, String> ofThisProcess() {
        return Map.of(HELPER, "true", OWNER, owner(ProcessHandle.current()));
    }

    /** True when the helper's owner process no longer runs (or it names none: an older version's). */
    static boolean orphaned(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(OWNER);
        if (owner == null) {
            return true;
        }
        int at = owner.indexOf('@');
        try {
            long pid = Long.parseLong(at < 0 ? owner : owner.substring(0, at));
            return isZombie(pid) || ProcessHandle.of(pid).map(HelperLabels::owner).map(alive -> !alive.equals(owner)).orElse(true);
        } catch (NumberFormatException unreadable) {
            return true;
        }
    }

    /**
     * A process killed but not yet reaped by its parent (seconds, where PID 1 reaps lazily) still
     * has its pid and start time, yet it will never remove its helpers: on Linux its state says so.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName < 0 || afterName + 2 >= stat.length() ? '?' : stat.charAt(afterName + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException noProcFileSystem) {
            return false;
        }
    }

    private static String owner(ProcessHandle process) {
        Optional<Instant> started = process.info().startInstant();
        return process.pid() + "@" + started.map(Instant::toEpochMilli).map(String::valueOf).orElse("?");
    }
}
