package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.checks.MoveTargetChecks;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/** Checks the 2.x server a 1.x stack moves to ({@link MoveTargetChecks}); fails the step on a problem. */
public final class CheckMoveTarget extends ReadOnlyAction {
    public static final String KIND = "check-move-target";

    public CheckMoveTarget(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the checks");
    }

    public static CheckMoveTarget of() {
        return new CheckMoveTarget(Map.of());
    }

    @Override
    public String describe() {
        return "Check the InfluxDB 2.x server the stack moves to: version, org and token, and that no bucket to fill holds points";
    }

    @Override
    public void execute(RunContext ctx) {
        List<Finding> findings = new MoveTargetChecks(ctx.profile(), ctx.ports().target()).run();
        ctx.report(findings);
        List<Finding> problems = findings.stream().filter(f -> f.severity().isProblem()).toList();
        if (!problems.isEmpty()) {
            throw ResetException.problem("The 2.x server is not ready for the move: " + problems.get(0).subject() + " "
                    + problems.get(0).message() + ".", "Nothing was changed.", null);
        }
    }
}
