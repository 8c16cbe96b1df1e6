package io.github.influxreset.engine.actions;

import io.github.influxreset.engine.run.RunContext;
import java.util.Map;

/**
 * An action whose undo has nothing to do (a check, a verification, a note, or work whose traces go
 * with something a later undo removes): its undo is a no-op, said in one sentence.
 */
abstract class ReadOnlyAction extends BaseAction {
    private final String undoNote;

    /** @param undoNote what {@link #describeUndo} says: begins with {@link #NOTHING_TO_UNDO} */
    ReadOnlyAction(String kind, Map<String, String> params, String undoNote) {
        super(kind, params);
        if (!undoNote.startsWith(NOTHING_TO_UNDO)) {
            throw new IllegalArgumentException("an undo note begins with '" + NOTHING_TO_UNDO + "': " + undoNote);
        }
        this.undoNote = undoNote;
    }

    @Override
    public final String describeUndo() {
        return undoNote;
    }

    @Override
    public final void undo(RunContext ctx) {
        // nothing to undo: see describeUndo
    }
}
