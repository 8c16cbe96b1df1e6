package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.InfluxUsers;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.DockerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks read from the settings of the stack's services (their environment and {@code depends_on}):
 * a writer of InfluxDB the profile leaves out, and an org that is not the one the stack uses. Each
 * names what would go wrong and what to change, before anything is changed. Read-only.
 */
final class ServiceSettingsChecks {
    private static final List<String> ORG_KEYS = List.of("INFLUXDB_ORG", "INFLUX_ORG");

    private final Profile profile;
    private final DockerPort docker;

    ServiceSettingsChecks(Profile profile, DockerPort docker) {
        this.profile = profile;
        this.docker = docker;
    }

    /** @param listed the services the profile stops and starts, InfluxDB's included */
    List<Finding> run(List<String> listed) {
        String name = profile.stack().composeProject();
        Optional<ComposeProject> project;
        try {
            project = docker.composeProjects().stream().filter(p -> p.name().equals(name)).findFirst();
        } catch (ResetException e) {
            return List.of(Finding.warning("Stack", "its services' settings could not be read, so writers to InfluxDB"
                    + " outside the profile and their org are not checked: " + e.userText()));
        }
        if (project.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(unlistedUsers(project.get(), listed));
        if (!profile.influx().isV1()) {
            findings.addAll(orgFindings(project.get()));
        }
        return findings;
    }

    /** Running users of InfluxDB the reset would leave writing into a database being deleted. */
    private List<Finding> unlistedUsers(ComposeProject project, List<String> listed) {
        List<Finding> findings = new ArrayList<>();
        new InfluxUsers(project, profile.influx().service()).reasons().forEach((service, why) -> {
            boolean running = project.services().stream().anyMatch(s -> s.name().equals(service) && s.running());
            if (running && !listed.contains(service)) {
                findings.add(Finding.warning("Service " + service, "uses InfluxDB (" + why + ") but is not in the profile's"
                        + " services, so the reset would leave it writing while the data is reset and what it writes then"
                        + " would be lost: add it to 'services' in the profile (or stop it yourself first)"));
            }
        });
        return findings;
    }

    /**
     * The org InfluxDB's image sets up on an empty volume must be the profile's (else a full reset
     * ends with an org the product does not look for, or two); the services' org should be too.
     */
    private List<Finding> orgFindings(ComposeProject project) {
        String org = profile.influx().org();
        List<Finding> findings = new ArrayList<>();
        Optional<ComposeService> influx = project.services().stream()
                .filter(s -> s.name().equals(profile.influx().service())).findFirst();
        Optional<String> initOrg = influx.map(ComposeService::environment)
                .filter(env -> "setup".equals(env.get("DOCKER_INFLUXDB_INIT_MODE")))
                .map(env -> env.get("DOCKER_INFLUXDB_INIT_ORG")).filter(o -> !o.isBlank());
        if (initOrg.isPresent() && !initOrg.get().equals(org)) {
            findings.add(Finding.error("Org", "InfluxDB's container sets up org '" + initOrg.get() + "' on an empty volume"
                    + " (DOCKER_INFLUXDB_INIT_ORG), but the profile says '" + org + "': after a full reset the server"
                    + " would hold '" + initOrg.get() + "' and the reset would look for '" + org + "'. Set influx.org: "
                    + initOrg.get() + " in the profile, or change the container's setting"));
        }
        Map<String, TreeSet<String>> writersByOrg = new TreeMap<>();
        for (ComposeService service : project.services()) {
            ORG_KEYS.stream().map(service.environment()::get).filter(o -> o != null && !o.isBlank() && !o.equals(org))
                    .findFirst().ifPresent(o -> writersByOrg.computeIfAbsent(o, k -> new TreeSet<>()).add(service.name()));
        }
        writersByOrg.forEach((other, services) -> findings.add(Finding.warning("Org", "services " + String.join(", ", services)
                + " write to org '" + other + "' (INFLUXDB_ORG), not the profile's '" + org + "': the reset would prepare"
                + " an org they do not write to. Set influx.org: " + other + " in the profile if their data is there")));
        return findings;
    }
}
