package io.github.influxreset.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services of a compose project that use InfluxDB, and the order to start them in. A service
 * uses InfluxDB when it writes to it (an {@code INFLUX…} variable in its environment, or a value that
 * names the InfluxDB service's host and port) or depends on it, or on such a service, through
 * {@code depends_on}: all of them must be stopped before InfluxDB is touched, or they keep writing
 * into a database being deleted. Pure: reads the project as discovery saw it.
 */
public final class InfluxUsers {
    private final ComposeProject project;
    private final String influxService;

    public InfluxUsers(ComposeProject project, String influxService) {
        this.project = project;
        this.influxService = influxService;
    }

    /** Why a service uses InfluxDB (for the log and the first run's notes), by service name. */
    public Map<String, String> reasons() {
        Map<String, String> reasons = new TreeMap<>();
        for (ComposeService service : project.services()) {
            if (!service.name().equals(influxService) && !service.isInfluxServer()) {
                writes(service).ifPresent(why -> reasons.put(service.name(), why));
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ComposeService service : project.services()) {
                if (service.name().equals(influxService) || service.isInfluxServer() || reasons.containsKey(service.name())) {
                    continue;
                }
                Optional<String> on = service.dependsOn().stream()
                        .filter(d -> d.equals(influxService) || reasons.containsKey(d)).findFirst();
                if (on.isPresent()) {
                    reasons.put(service.name(), "depends on " + on.get());
                    grew = true;
                }
            }
        }
        return reasons;
    }

    /** Every user of InfluxDB, dependencies before their dependents (ties by name): the start order. */
    public List<String> inStartOrder() {
        return startOrder(new ArrayList<>(reasons().keySet()));
    }

    /** The given services in the order compose would start them ({@link StartOrder}). */
    public List<String> startOrder(List<String> services) {
        return StartOrder.of(services, name -> service(name).map(ComposeService::dependsOn).orElse(List.of()));
    }

    /** The variables that say most plainly that a service talks to InfluxDB, named first when present. */
    private static final List<String> TELLING = List.of("INFLUXDB_URL", "INFLUX_URL", "INFLUXDB_TOKEN", "INFLUX_TOKEN");

    private Optional<String> writes(ComposeService service) {
        Optional<String> telling = TELLING.stream().filter(service.environment()::containsKey).findFirst();
        if (telling.isPresent()) {
            return Optional.of("its environment has " + telling.get());
        }
        for (Map.Entry<String, String> variable : new TreeMap<>(service.environment()).entrySet()) {
            String key = variable.getKey().toUpperCase(Locale.ROOT);
            if (key.startsWith("INFLUX") && !key.startsWith("INFLUXD_") && !key.equals("INFLUXDB_VERSION")) {
                return Optional.of("its environment has " + variable.getKey());
            }
            if (namesInflux(variable.getValue())) {
                return Optional.of(variable.getKey() + " names " + influxService);
            }
        }
        return Optional.empty();
    }

    /** A URL or host:port that points at the InfluxDB service by its compose name. */
    private boolean namesInflux(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String host = influxService.toLowerCase(Locale.ROOT);
        return lower.contains("://" + host + ":") || lower.contains("://" + host + "/") || lower.endsWith("://" + host)
                || lower.equals(host + ":8086");
    }

    private Optional<ComposeService> service(String name) {
        return project.services().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
