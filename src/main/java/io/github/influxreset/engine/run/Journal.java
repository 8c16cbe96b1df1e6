package io.github.influxreset.engine.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable record of runs and their actions. Every write is committed before the method
 * returns, so a process killed at any moment leaves a record the next start can act on.
 * Implementations mask secrets in everything they store.
 */
public interface Journal {
    /** Records a new run with all its actions as planned; returns the run id. */
    String startRun(Plan plan);

    void markAction(String runId, int index, ActionStatus status, String error);

    /** Keeps what an action recorded about the world once it had run (see {@link Action#factsAfterExecute}). */
    void recordFacts(String runId, int index, Map<String, String> facts);

    void recordBackup(String runId, String backupId, boolean verified);

    void finishRun(String runId, RunStatus status, String message);

    Optional<RunRecord> run(String runId);

    /** Runs, newest first. */
    List<RunRecord> runs();

    List<ActionRecord> actions(String runId);

    /** The newest run that did not end well: still running (crashed) or a failed rollback. */
    default Optional<RunRecord> unfinishedRun() {
        return runs().stream().filter(r -> r.status().isUnfinished()).findFirst();
    }

    /** The newest run of this profile that did not end well. */
    default Optional<RunRecord> unfinishedRun(String profileName) {
        return runs().stream().filter(r -> r.status().isUnfinished() && r.profileName().equals(profileName)).findFirst();
    }
}
