package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * Says, in the plan, the confirmation, the journal and the report, what a reset does with a bucket
 * on the server that the profile does not list: a full reset drops it with the old volume (the
 * backup set keeps its data), a buckets reset leaves it as it is, a move leaves the 1.x database
 * where it is without moving it (a warning among the run's findings, since its data stays behind).
 * Changes nothing itself.
 */
public final class NoteUnknownBucket extends ReadOnlyAction {
    public static final String KIND = "note-unknown-bucket";

    public NoteUnknownBucket(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (the note changes nothing)");
    }

    public static NoteUnknownBucket of(String bucket, ResetMode mode) {
        return new NoteUnknownBucket(Map.of("bucket", bucket, "mode", mode.name()));
    }

    @Override
    public String describe() {
        ResetMode mode = ResetMode.valueOf(param("mode"));
        if (mode == ResetMode.MOVE) {
            return "Leave database " + param("bucket") + " on the 1.x server, not moved: the profile does not list it "
                    + "(add it to the profile's buckets to move it too)";
        }
        return mode == ResetMode.BUCKETS
                ? "Leave bucket " + param("bucket") + " as it is (the profile does not list it)"
                : "Drop bucket " + param("bucket") + ", which the profile does not list, with the old volume (the backup "
                + "set keeps its data: 'restore SET --bucket " + param("bucket") + " --new-bucket " + param("bucket") + "')";
    }

    @Override
    public void execute(RunContext ctx) {
        if (ResetMode.valueOf(param("mode")) == ResetMode.MOVE) {
            ctx.report(List.of(Finding.warning("Database " + param("bucket"), "not moved: the profile does not list it, "
                    + "so its points stay on the 1.x server only (add it to the profile's buckets and move again)")));
            return;
        }
        ctx.info(describe() + ".");
    }
}
