package io.github.influxreset.cli;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code check}: the prerequisite checks, one line each; exit 1 when any fails. */
@Command(name = "check", description = "Run the prerequisite checks; one line per check.")
final class CheckCommand extends BaseCommand {
    @Override
    public Integer call() {
        Profile profile = profile();
        List<Finding> findings = root.context.session(profile).inspector().checks().findings();
        boolean failed = findings.stream().anyMatch(f -> f.severity().isProblem());
        findings.forEach(f -> output().line(Findings.line(f)));
        output().line(failed ? "Some checks failed: fix them before a reset." : "All checks passed.");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !failed);
        doc.put("checks", Findings.toJson(findings));
        output().document(doc);
        return failed ? 1 : 0;
    }
}
