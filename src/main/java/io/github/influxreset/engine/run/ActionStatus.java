package io.github.influxreset.engine.run;

/** The life of an action in the journal: planned → started → done | failed → undone. */
public enum ActionStatus {
    PLANNED, STARTED, DONE, FAILED, UNDONE, UNDO_FAILED;

    /** True when the world may hold effects of this action that rollback must undo. */
    public boolean mayNeedUndo() {
        return this == STARTED || this == DONE || this == FAILED || this == UNDO_FAILED;
    }
}
