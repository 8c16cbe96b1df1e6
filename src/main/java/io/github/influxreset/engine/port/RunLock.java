package io.github.influxreset.engine.port;

/**
 * One run at a time per stack, across processes: the CLI and the wizard take this lock before a
 * run begins, resumes or is rolled back, and keep it until the run ends. The lock of a process that
 * died is free again (the operating system drops it with the process).
 */
public interface RunLock {
    /** No lock at all, for tests that drive one runner in one thread. */
    RunLock NONE = (stack, runId) -> () -> { };

    /**
     * Takes the lock of {@code stack} for {@code runId}; within one process it may be taken again
     * (the wizard's backup browser restores while the wizard holds a run).
     *
     * @throws io.github.influxreset.domain.ResetException BAD_INPUT naming the run and process that
     *         hold it, when another process does
     */
    Lease acquire(String stack, String runId);

    /** A held lock; closing it gives it back. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
