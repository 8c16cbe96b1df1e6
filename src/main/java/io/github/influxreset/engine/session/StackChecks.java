package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.checks.ModeAdvisor;
import io.github.influxreset.engine.checks.MoveTargetChecks;
import io.github.influxreset.engine.checks.PrerequisiteChecks;
import io.github.influxreset.engine.port.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a user runs before choosing what to do: the prerequisites, the 2.x server when the
 * profile names one to move to, and the mode they propose (a move when the profile names a 2.x
 * server, else the gentlest reset that fixes what the live data shows). Read-only.
 */
public final class StackChecks {
    /** What the checks found, and the mode they propose (empty when InfluxDB could not be read). */
    public record Checked(List<Finding> findings, Optional<ModeAdvisor.Advice> advice) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    private StackChecks() {
    }

    public static Checked run(Profile profile, Ports ports) {
        List<Finding> findings = new ArrayList<>(new PrerequisiteChecks(profile, ports).run());
        if (profile.moveTo().isPresent()) {
            findings.addAll(new MoveTargetChecks(profile, ports.target()).run());
            ModeAdvisor.Advice move = new ModeAdvisor.Advice(ResetMode.MOVE,
                    "the profile names the InfluxDB 2.x server to move to (moveTo)");
            findings.add(Finding.info("Reset mode", "move proposed: " + move.reason()));
            return new Checked(findings, Optional.of(move));
        }
        if (findings.stream().anyMatch(f -> f.subject().equals("InfluxDB") && f.severity().isProblem())) {
            return new Checked(findings, Optional.empty());
        }
        try {
            ModeAdvisor.Advice advice = ModeAdvisor.advise(profile, ports.influx());
            findings.add(Finding.info("Reset mode", advice.mode().cliName() + " proposed: " + advice.reason()));
            return new Checked(findings, Optional.of(advice));
        } catch (ResetException unreadable) {
            findings.add(Finding.info("Reset mode", "none proposed: the live schema could not be read ("
                    + unreadable.getMessage() + ")"));
            return new Checked(findings, Optional.empty());
        }
    }
}
