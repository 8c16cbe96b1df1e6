package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.checks.SchemaValidator;
import io.github.influxreset.engine.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * Validates buckets, retention and the schema with a probe point, then removes the probe. Fails
 * the step when validation finds errors; undo removes any probe left behind.
 */
public final class ValidateSchema extends BaseAction {
    public static final String KIND = "validate-schema";

    public ValidateSchema(Map<String, String> params) {
        super(KIND, params);
    }

    /**
     * The validation of a repair: what a repair fixes (buckets, retention) must be right, and what
     * only a reset can fix (a field's type, a tag, a missing key) is reported as a warning that
     * names the mode that can, so the repair stands.
     */
    public static ValidateSchema inPlace() {
        return new ValidateSchema(Map.of("scope", "in-place"));
    }

    /** The validation of the points carried into the new buckets, when the user chose to keep the data. */
    public static ValidateSchema onCarriedData() {
        return new ValidateSchema(Map.of("scope", "carried"));
    }

    @Override
    public String describe() {
        return "carried".equals(params().get("scope")) ? "If the old points were carried: validate the schema again, on them"
                : "Validate buckets, retention and the schema with a probe point, then delete the probe";
    }

    @Override
    public String describeUndo() {
        return "Delete any probe point left behind";
    }

    @Override
    public void execute(RunContext ctx) {
        if ("carried".equals(params().get("scope")) && !ctx.keepData()) {
            ctx.info("No old points were carried; the validation above stands.");
            return;
        }
        List<Finding> findings = new SchemaValidator(ctx.profile(), ctx.ports().target()).validate(ctx.runId());
        if (inPlaceOnly()) {
            findings = findings.stream().map(ValidateSchema::notFixableInPlace).toList();
        }
        if ("carried".equals(params().get("scope"))) {
            findings = findings.stream().map(f -> new Finding(f.severity(), f.subject() + " (old points carried)",
                    f.message())).toList();
        }
        ctx.report(findings);
        long errors = findings.stream().filter(f -> f.severity().isProblem()).count();
        if (errors > 0) {
            throw ResetException.problem("Validation found " + errors + " problem(s).",
                    "See the validation report for each.", null);
        }
    }

    private boolean inPlaceOnly() {
        return "in-place".equals(params().get("scope"));
    }

    /** A schema problem a repair cannot fix, as a warning saying what can; bucket findings as they are. */
    private static Finding notFixableInPlace(Finding finding) {
        if (!finding.severity().isProblem() || finding.subject().startsWith("Bucket ")) {
            return finding;
        }
        return Finding.warning(finding.subject(), finding.message() + ": not fixable in place; a reset "
                + "(--mode buckets or full) recreates the structure, with the points left in the backup set");
    }

    /**
     * Deletes the probe points. They are marked test data, not the user's; when InfluxDB does not
     * answer (it may be the fresh one the rollback is about to discard) the rollback goes on and
     * the log says how to delete them by hand.
     */
    @Override
    public void undo(RunContext ctx) {
        try {
            new SchemaValidator(ctx.profile(), ctx.ports().target()).deleteProbes(ctx.runId());
        } catch (ResetException unreachable) {
            ctx.warn("The probe points of this run could not be deleted (" + unreachable.getMessage() + "); if they are "
                    + "still there, delete the points whose entity_id is " + SchemaValidator.PROBE_PREFIX + ctx.runId() + ".");
        }
    }
}
