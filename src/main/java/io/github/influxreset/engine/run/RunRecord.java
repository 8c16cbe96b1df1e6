package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetMode;
import java.time.Instant;

/** A run as the journal keeps it. {@code backupId} is set once a backup set has been written. */
public record RunRecord(String id, String profileName, ResetMode mode, RunStatus status,
                        Instant started, Instant ended, String backupId, boolean backupVerified,
                        String message) {
}
