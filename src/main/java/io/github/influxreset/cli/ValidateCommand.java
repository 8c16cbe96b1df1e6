package io.github.influxreset.cli;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code validate}: buckets, retention and schema against the profile; exit 1 on drift. */
@Command(name = "validate", description = "Validate buckets, retention and the schema; print the drift report.")
final class ValidateCommand extends BaseCommand {
    @Override
    public Integer call() {
        Profile profile = profile();
        List<Finding> findings = root.context.session(profile).inspector().validate();
        boolean failed = findings.stream().anyMatch(f -> f.severity().isProblem());
        findings.forEach(f -> output().line(Findings.line(f)));
        output().line(failed ? "Validation found problems." : "The data store matches the profile.");
        output().document(Map.of("ok", !failed, "findings", Findings.toJson(findings)));
        return failed ? 1 : 0;
    }
}
