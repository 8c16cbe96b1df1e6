package io.github.influxreset.engine.run;

/** The outcome of a run as the journal keeps it. */
public enum RunStatus {
    /** Still going, or the process died: the next start offers resume or rollback. */
    RUNNING,
    SUCCEEDED,
    /** A step failed and every done action was undone. */
    ROLLED_BACK,
    /** An undo failed: the stack needs attention. */
    ROLLBACK_FAILED,
    /** Closed by the user without undoing it ({@code runs close}): the stack was left as it was. */
    CLOSED;

    public boolean isUnfinished() {
        return this == RUNNING || this == ROLLBACK_FAILED;
    }
}
