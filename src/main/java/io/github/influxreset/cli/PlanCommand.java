package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.session.StackInspector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plan [--mode repair|buckets|full]}: the ordered actions of a reset; changes nothing. */
@Command(name = "plan", description = "Print the exact ordered actions a reset would take; changes nothing.")
final class PlanCommand extends BaseCommand {
    @Option(names = "--mode", paramLabel = "repair|buckets|full", converter = ModeConverter.class,
            description = "repair: fix retention and missing buckets in place (no downtime, nothing deleted); buckets: "
                    + "recreate the buckets through the API; full (default): recreate the container and volumes.")
    ResetMode mode = ResetMode.FULL;

    @Override
    public Integer call() {
        Profile profile = profile();
        StackInspector.Preview result = root.context.session(profile).inspector().preview(mode);
        result.discoveryProblem().ifPresent(problem -> root.err.println("Note: " + problem
                + " Names in <angle brackets> are filled in by discovery when the reset runs."));
        return printFor(root, result.plan());
    }

    /** Prints a plan for the given root's output (also used by {@code reset --dry-run}). */
    int printFor(RootCommand owner, Plan plan) {
        this.root = owner;
        print(plan);
        return 0;
    }

    private void print(Plan plan) {
        output().line("Plan for a " + plan.mode().describe() + " of " + plan.profileName() + " ("
                + plan.actions().size() + " actions; * marks a destructive action):");
        Step current = null;
        for (PlannedAction action : plan.actions()) {
            if (action.step() != current) {
                current = action.step();
                output().line(current.number() + ". " + current.title());
            }
            output().line(String.format("  %s %2d. %s", action.action().destructive() ? "*" : " ",
                    action.index() + 1, action.describe()));
        }
        output().document(toJson(plan));
    }

    static Map<String, Object> toJson(Plan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", plan.profileName());
        doc.put("mode", plan.mode().cliName());
        List<Map<String, Object>> actions = plan.actions().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", a.index() + 1);
            row.put("step", a.step().title());
            row.put("kind", a.action().kind());
            row.put("description", a.describe());
            row.put("destructive", a.action().destructive());
            return row;
        }).toList();
        doc.put("actions", actions);
        return doc;
    }
}
