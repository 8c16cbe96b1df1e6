package io.github.influxreset.engine.run;

import io.github.influxreset.engine.port.RunLock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's run lock as the runner holds it: one lease per run and process, taken when a run
 * begins, resumes or is rolled back, and let go when it ends.
 */
final class RunLeases {
    private final RunLock lock;
    private final Map<String, RunLock.Lease> leases = new ConcurrentHashMap<>();

    RunLeases(RunLock lock) {
        this.lock = lock;
    }

    /**
     * Holds the lock for {@code runId} (once per run), then runs {@code check}; when the check
     * refuses, the lock is let go again and the refusal thrown.
     */
    void holdIf(String profileName, String runId, Runnable check) {
        hold(profileName, runId);
        try {
            check.run();
        } catch (RuntimeException refused) {
            release(runId);
            throw refused;
        }
    }

    /** Holds the lock for {@code runId} until {@link #release}; a second call for the same run holds nothing more. */
    void hold(String profileName, String runId) {
        leases.computeIfAbsent(runId, id -> lock.acquire(profileName, id));
    }

    void release(String runId) {
        RunLock.Lease lease = leases.remove(runId);
        if (lease != null) {
            lease.close();
        }
    }
}
