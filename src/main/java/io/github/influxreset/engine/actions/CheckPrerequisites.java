package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.checks.PrerequisiteChecks;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/** Runs the prerequisite checks; fails the step when any of them finds a problem. */
public final class CheckPrerequisites extends ReadOnlyAction {
    public static final String KIND = "check-prerequisites";

    public CheckPrerequisites(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the checks");
    }

    @Override
    public String describe() {
        return "Check Docker, InfluxDB, SQLite and the backup folder";
    }

    @Override
    public void execute(RunContext ctx) {
        List<Finding> findings = new PrerequisiteChecks(ctx.profile(), ctx.ports()).run();
        ctx.report(findings);
        List<Finding> problems = findings.stream().filter(f -> f.severity().isProblem()).toList();
        if (!problems.isEmpty()) {
            throw ResetException.problem(problems.size() + " prerequisite check(s) failed; the first: "
                    + problems.get(0).subject() + ": " + problems.get(0).message(), "", null);
        }
    }
}
