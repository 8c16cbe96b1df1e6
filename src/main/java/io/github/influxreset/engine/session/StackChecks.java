package io.github.influxreset.engine.session;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.UnknownHostKey;
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
    /**
     * What the checks found, the mode they propose (empty when InfluxDB could not be read), and the
     * SSH host key of the engine's machine to put to the user when known_hosts does not hold it.
     */
    public record Checked(List<Finding> findings, Optional<ModeAdvisor.Advice> advice, Optional<UnknownHostKey> unknownHostKey) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    private StackChecks() {
    }

    public static Checked run(Profile profile, Ports ports) {
        PrerequisiteChecks prerequisites = new PrerequisiteChecks(profile, ports);
        List<Finding> findings = new ArrayList<>(prerequisites.run());
        Optional<UnknownHostKey> unknownHostKey = prerequisites.unknownHostKey();
        if (profile.moveTo().isPresent()) {
            findings.addAll(new MoveTargetChecks(profile, ports.target()).run());
            ModeAdvisor.Advice move = new ModeAdvisor.Advice(ResetMode.MOVE,
                    "the profile names the InfluxDB 2.x server to move to (moveTo)");
            findings.add(Finding.info("Reset mode", "move proposed: " + move.reason()));
            return new Checked(findings, Optional.of(move), unknownHostKey);
        }
        if (findings.stream().anyMatch(f -> f.subject().equals("InfluxDB") && f.severity().isProblem())) {
            return new Checked(findings, Optional.empty(), unknownHostKey);
        }
        try {
            ModeAdvisor.Advice advice = ModeAdvisor.advise(profile, ports.influx());
            findings.add(Finding.info("Reset mode", advice.mode().cliName() + " proposed: " + advice.reason()));
            return new Checked(findings, Optional.of(advice), unknownHostKey);
        } catch (ResetException unreadable) {
            findings.add(Finding.info("Reset mode", "none proposed: the live schema could not be read ("
                    + unreadable.getMessage() + ")"));
            return new Checked(findings, Optional.empty(), unknownHostKey);
        }
    }
}
