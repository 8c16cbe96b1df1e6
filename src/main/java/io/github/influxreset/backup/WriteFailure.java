package io.github.influxreset.backup;

import io.github.influxreset.domain.ByteSize;
import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Why a backup set could not be written, in words (the half-written set is removed by the caller). */
final class WriteFailure {
    private WriteFailure() {
    }

    /** The sentence for a set that could not be written: a full disk said as such, with what is free now. */
    static ResetException of(Path root, Exception e) {
        if (diskFull(e)) {
            return ResetException.problem("The disk of the backup folder " + root + " filled up while the set was written;"
                    + " the half-written set was removed and " + freeSpace(root) + " is free now.",
                    "Free some space or choose another backups.dir in the profile; nothing was changed.", e);
        }
        if (e instanceof ResetException reset) {
            return reset;
        }
        return ResetException.problem("The backup could not be written to " + root + ": " + e.getMessage() + ".",
                "Free some space or choose another backups.dir in the profile; nothing was changed.", e);
    }

    /** ENOSPC anywhere in the chain: the JDK says it in the message of an IOException. */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static String freeSpace(Path root) {
        try {
            return ByteSize.human(Files.getFileStore(root).getUsableSpace());
        } catch (IOException e) {
            return "an unknown amount";
        }
    }
}
