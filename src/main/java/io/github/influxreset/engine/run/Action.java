package io.github.influxreset.engine.run;

import java.util.List;
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

    /**
     * True for the action after which the run's backup set is verified complete (every file and
     * every point): no destructive action may come before it in a plan.
     */
    default boolean verifiesBackup() {
        return false;
    }

    /**
     * True when undo only stops a service the run started: the rollback lets such undos run before it
     * backs up the live data, so that no writer adds a point after that backup.
     */
    default boolean undoOnlyStopsAService() {
        return false;
    }

    /** True when executing it stops a service: a run's downtime begins with the first such action. */
    default boolean stopsAService() {
        return false;
    }

    /** True when the action deletes data that only a backup can bring back. */
    boolean destructive();

    void execute(RunContext ctx);

    void undo(RunContext ctx);

    /**
     * Facts about what {@link #execute} made (a container's id, a volume's creation time), read
     * right after it succeeded and kept in the journal, so that a later undo can tell its own work
     * from something made since. Reads only; never secrets.
     */
    default Map<String, String> factsAfterExecute(RunContext ctx) {
        return Map.of();
    }

    /**
     * What must hold now for {@link #undo} to put back what it promises without destroying what it
     * cannot put back. The rollback asks every action it will undo before the first undo runs, and
     * changes nothing when one fails. Reads only.
     */
    default List<Precondition> undoPreconditions(RunContext ctx, UndoFacts facts) {
        return List.of();
    }

    /** True when {@link #undo} reads the run's backup set, which must then be present and verified. */
    default boolean undoNeedsBackupSet() {
        return false;
    }

    /**
     * The live buckets {@link #undo} deletes or replaces. When one holds points, the rollback
     * first writes and verifies a backup set of the live data.
     */
    default List<String> undoDeletesBuckets() {
        return List.of();
    }

    /** The volumes {@link #undo} removes; the live data in them is backed up first as above. */
    default List<String> undoRemovesVolumes() {
        return List.of();
    }
}
