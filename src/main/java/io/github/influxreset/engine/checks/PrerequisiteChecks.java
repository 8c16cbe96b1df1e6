package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.ByteSize;
import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.HostKeyNotKnown;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.domain.UnknownHostKey;
import io.github.influxreset.engine.port.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks that must pass before a reset may start. Read-only: they change nothing, not even the
 * backup folder. Each check yields one finding; a failed check never stops the others.
 */
public final class PrerequisiteChecks {
    private final Profile profile;
    private final Ports ports;
    private Optional<UnknownHostKey> unknownHostKey = Optional.empty();

    public PrerequisiteChecks(Profile profile, Ports ports) {
        this.profile = profile;
        this.ports = ports;
    }

    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ok("Profile", profile.name() + " (" + profile.describeSource() + ")"));
        profile.warnings().forEach(w -> findings.add(Finding.warning("Profile", w)));
        Finding docker = engineFinding();
        findings.add(docker);
        if (docker.severity().isProblem()) {
            findings.add(Finding.error("Stack", "not discovered: the Docker engine is not reachable"));
        } else {
            findings.addAll(stackFindings());
        }
        Finding influx = check("InfluxDB", () -> "answers at " + profile.influx().url() + ", version " + ports.influx().health());
        findings.add(influx);
        if (!profile.influx().isV1() && !influx.severity().isProblem()) {
            findings.add(nativeBackupFinding());
        }
        findings.addAll(sqliteFindings());
        findings.add(backupDirFinding());
        return findings;
    }

    /** The SSH host key the engine's machine showed that known_hosts does not hold, when {@link #run} met one. */
    public Optional<UnknownHostKey> unknownHostKey() {
        return unknownHostKey;
    }

    /** Which engine, why that one, and whether it answers: a user with two engines sees which is meant. */
    private Finding engineFinding() {
        try {
            String version = ports.docker().engineVersion();
            return Finding.ok("Docker engine", "reachable at " + profile.engine().describe() + ", version " + version);
        } catch (ResetException e) {
            if (e instanceof HostKeyNotKnown question) {
                unknownHostKey = Optional.of(question.key());
            }
            return Finding.error("Docker engine", "chosen by " + profile.engine().chosenBy() + ": " + e.userText());
        }
    }

    private List<Finding> stackFindings() {
        String project = profile.stack().composeProject();
        StackSnapshot stack;
        try {
            stack = ports.docker().discover(project);
        } catch (ResetException e) {
            return List.of(Finding.error("Stack", e.userText()));
        }
        List<Finding> findings = new ArrayList<>();
        List<String> services = new ArrayList<>();
        services.add(profile.influx().service());
        profile.services().stream().map(ServiceSpec::name).forEach(services::add);
        Map<String, String> notHealthy = HealthBeforeRun.problems(profile, ports.docker(), stack);
        for (String service : services) {
            boolean isInflux = service.equals(profile.influx().service());
            findings.add(stack.service(service)
                    .map(c -> serviceFinding(service, c, isInflux, Optional.ofNullable(notHealthy.get(service))))
                    .orElseGet(() -> Finding.error("Service " + service, "no container with labels "
                            + "com.docker.compose.project=" + project + ", com.docker.compose.service=" + service)));
        }
        findings.addAll(new ServiceSettingsChecks(profile, ports.docker()).run(services));
        return findings;
    }

    /** 2.x: whether the backup set can hold InfluxDB's own backup (it needs the operator token). */
    private Finding nativeBackupFinding() {
        return ports.influx().nativeBackupProblem().map(problem -> Finding.warning("Native backup", problem
                + ". The backup set will hold the line-protocol export and the volume snapshots only. To include "
                + "InfluxDB's own backup, put the operator token in the profile (list it with 'influxd recovery auth "
                + "list' in the InfluxDB container, or make one with 'influxd recovery auth create-operator')."))
                .orElse(Finding.ok("Native backup", "the token may take InfluxDB's own backup"));
    }

    /**
     * A running, healthy container is fine. A stopped InfluxDB cannot be backed up: an error. A
     * stopped service is started with the others at the end of a run: a warning. A service that is
     * not healthy now ({@link HealthBeforeRun}; InfluxDB by Docker's status) is named with why: a
     * warning, since the restart then waits only until it runs.
     */
    private Finding serviceFinding(String service, ContainerInfo c, boolean isInflux, Optional<String> notHealthy) {
        String state = c.name() + " " + c.state() + ("none".equals(c.health()) ? "" : ", " + c.health());
        if (!c.isRunning()) {
            return isInflux ? Finding.error("Service " + service, state + ": InfluxDB must run to be backed up; start it "
                    + "with 'docker start " + c.name() + "'")
                    : Finding.warning("Service " + service, state + ": it is not running now; the run starts it with "
                    + "the others at the end (take it out of the profile's services to leave it stopped)");
        }
        if (isInflux && "unhealthy".equals(c.health())) {
            return Finding.warning("Service " + service, state + ": check its log ('docker logs " + c.name() + "')");
        }
        // Docker's own word ("healthy") beside a health URL that says otherwise would contradict the warning
        Optional<String> healthUrl = profile.service(service).flatMap(ServiceSpec::health);
        return notHealthy.map(why -> Finding.warning("Service " + service, c.name() + " " + c.state() + " but not healthy "
                        + "now: " + why + ". The run will start it again and wait only until it runs, not until it is "
                        + "healthy; fix it first if the reset is not meant to ('docker logs " + c.name() + "')"))
                .orElseGet(() -> Finding.ok("Service " + service, state + healthUrl.map(url -> ", " + url + " answers healthy")
                        .orElse("")));
    }

    private List<Finding> sqliteFindings() {
        if (profile.sqlite().isEmpty()) {
            return List.of(Finding.info("SQLite", "no SQLite database in the profile"));
        }
        return profile.sqlite().stream()
                .map(db -> check("SQLite " + db.describe(), () -> ports.metadata().check(db))).toList();
    }

    private Finding backupDirFinding() {
        Path dir = profile.backups().dir();
        Optional<Path> existing = nearestExisting(dir);
        if (existing.isEmpty() || !Files.isWritable(existing.get()) || !Files.isDirectory(existing.get())) {
            return Finding.error("Backup folder", dir + " cannot be written: choose another backups.dir in the profile");
        }
        try {
            long free = Files.getFileStore(existing.get()).getUsableSpace();
            String what = existing.get().equals(dir) ? "writable" : "will be created";
            return Finding.ok("Backup folder", dir + " " + what + ", " + ByteSize.human(free) + " free");
        } catch (IOException e) {
            return Finding.error("Backup folder", dir + ": " + e.getMessage());
        }
    }

    private static Optional<Path> nearestExisting(Path dir) {
        Path candidate = dir.toAbsolutePath();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return Optional.ofNullable(candidate);
    }

    private static Finding check(String subject, Supplier<String> probe) {
        try {
            return Finding.ok(subject, probe.get());
        } catch (ResetException e) {
            return Finding.error(subject, e.userText());
        }
    }
}
