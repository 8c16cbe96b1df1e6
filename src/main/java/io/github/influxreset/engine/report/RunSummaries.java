package io.github.influxreset.engine.report;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.RunRecord;
import java.util.Optional;

/**
 * Builds a run's {@link RunSummary} once the run ended: the journal's rows, the backup set's
 * manifest for "before" and the server that got the new structure for "after". Blocking (it asks
 * InfluxDB); a server or set that cannot be read leaves its side empty rather than failing the report.
 */
public final class RunSummaries {
    private RunSummaries() {
    }

    public static RunSummary of(RunContext run, Journal journal) {
        RunRecord record = journal.run(run.runId()).orElseThrow();
        var actions = journal.actions(run.runId());
        return new RunSummary(record, actions, run.findings(), RunTimeline.of(record, actions),
                BucketChange.of(run.profile(), before(run, record), run.ports().target(), run.findings(Step.VALIDATE)));
    }

    private static Optional<BackupInfo> before(RunContext run, RunRecord record) {
        if (record.backupId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(run.ports().backups().info(record.backupId()));
        } catch (ResetException | UnsupportedOperationException unreadable) {
            return Optional.empty();
        }
    }
}
