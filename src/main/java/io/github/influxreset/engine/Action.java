package io.github.influxreset.engine;

import java.util.Map;

/**
 * One change to the stack. The {@link Runner} journals an action <em>before</em> it executes, so
 * its {@link #kind()} and {@link #params()} must be enough for {@link ActionCatalog} to rebuild it
 * in a new process and undo it after a crash. Params never hold secrets.
 *
 * <p>Execute and undo are blocking, may run on any thread, and should be idempotent where the
 * world allows (stopping a stopped container succeeds). Failures are {@code ResetException}s.
 */
public interface Action {
    /** A stable name, stored in the journal. */
    String kind();

    /** What the action needs to execute and undo, as stored in the journal. */
    Map<String, String> params();

    /** One line a user understands: "Stop service data-api". */
    String describe();

    /** How {@link #describeUndo} begins when undo leaves everything as it is. */
    String NOTHING_TO_UNDO = "Nothing to undo";

    /**
     * What {@link #undo} will do, for the rollback button's tooltip; it begins with
     * {@link #NOTHING_TO_UNDO} exactly when undo changes nothing.
     */
    String describeUndo();

    /** True when undo changes nothing (a check, a verification, a bucket that goes with its volume). */
    default boolean undoChangesNothing() {
        return describeUndo().startsWith(NOTHING_TO_UNDO);
    }

    /** True when the action deletes data that only a backup can bring back. */
    boolean destructive();

    void execute(RunContext ctx);

    void undo(RunContext ctx);
}
