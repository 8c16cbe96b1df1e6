package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.MoveSettings;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step of a move: names, per service that uses InfluxDB, the settings it must change to use
 * the 2.x server ({@link MoveSettings}), for the report. Changes nothing: the services keep their
 * 1.x settings until the user changes them, so they go on working with the 1.x server meanwhile.
 */
public final class NameMoveSettings extends ReadOnlyAction {
    public static final String KIND = "name-move-settings";

    public NameMoveSettings(Map<String, String> params) {
        super(KIND, params, "Nothing to undo (read only)");
    }

    public static NameMoveSettings of() {
        return new NameMoveSettings(Map.of());
    }

    @Override
    public String describe() {
        return "Name the settings each service must change to use the 2.x server (read only)";
    }

    @Override
    public void execute(RunContext ctx) {
        String name = ctx.profile().stack().composeProject();
        Optional<ComposeProject> project;
        try {
            project = ctx.ports().docker().composeProjects().stream().filter(p -> p.name().equals(name)).findFirst();
        } catch (ResetException unreadable) {
            ctx.warn("The services' settings could not be read (" + unreadable.userText() + "); each service that "
                    + "writes to InfluxDB needs the 2.x URL, org, token and bucket.");
            return;
        }
        List<String> buckets = ctx.profile().buckets().stream().map(BucketSpec::name).toList();
        List<Finding> findings = new ArrayList<>();
        project.map(p -> new MoveSettings(p, ctx.profile().influx().service(), ctx.profile().moveTo().orElseThrow(),
                buckets).changes()).orElse(Map.of()).forEach((service, changes) -> findings.add(Finding.warning(
                "Service " + service, "still uses InfluxDB 1.x; to use the 2.x server: " + String.join("; ", changes))));
        findings.add(Finding.info("Catch-up", "the services keep writing to 1.x until their settings change; then "
                + "'influx-reset move --catch-up' carries what 1.x took since this move read it"));
        ctx.report(findings);
    }
}
