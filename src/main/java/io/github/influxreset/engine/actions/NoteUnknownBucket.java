package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.RunContext;
import java.util.Map;

/**
 * Says, in the plan, the confirmation, the journal and the report, what a reset does with a bucket
 * on the server that the profile does not list: a full reset drops it with the old volume (the
 * backup set keeps its data), a buckets reset leaves it as it is. Changes nothing itself.
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
        return ResetMode.valueOf(param("mode")) == ResetMode.BUCKETS
                ? "Leave bucket " + param("bucket") + " as it is (the profile does not list it)"
                : "Drop bucket " + param("bucket") + ", which the profile does not list, with the old volume (the backup "
                + "set keeps its data: 'restore SET --bucket " + param("bucket") + " --new-bucket " + param("bucket") + "')";
    }

    @Override
    public void execute(RunContext ctx) {
        ctx.info(describe() + ".");
    }
}
