package io.github.influxreset.domain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stack, as the user describes it: where it runs, how to reach InfluxDB, the buckets and
 * schema it must have, the services to stop and restart, and where backups go.
 *
 * @param source   the file the profile was read from; empty for the embedded HomeIQ profile
 * @param engine   the Docker engine the stack runs on, and why that one
 * @param moveTo   the InfluxDB 2.x server a {@code move} carries a 1.x stack's data into, when the profile names one
 * @param sqlite   the stack's SQLite databases, the main metadata database first; backed up, never reset
 * @param warnings things the loader accepted but the user should know about
 */
public record Profile(String name, Optional<Path> source, StackSpec stack, DockerEngine engine,
                      InfluxSpec influx, Optional<InfluxSpec> moveTo, List<BucketSpec> buckets, List<MeasurementSchema> schema,
                      List<ServiceSpec> services, List<SqliteSpec> sqlite, BackupsSpec backups,
                      Duration queryBudget, List<String> warnings) {

    public Profile {
        buckets = List.copyOf(buckets);
        schema = List.copyOf(schema);
        services = List.copyOf(services);
        sqlite = List.copyOf(sqlite);
        warnings = List.copyOf(warnings);
    }

    /** The address of the Docker engine the stack runs on. */
    public String dockerHost() {
        return engine.host();
    }

    /** Every secret of the profile that is set, for masking. */
    public List<Secret> secrets() {
        List<Secret> all = new ArrayList<>(influx.secrets());
        moveTo.ifPresent(target -> all.addAll(target.secrets()));
        all.removeIf(Secret::isEmpty);
        return all;
    }

    /**
     * The word a user types to confirm a reset: the org on 2.x, the first database on 1.x.
     */
    public String confirmationWord() {
        if (influx.isV1()) {
            return buckets.isEmpty() ? stack.composeProject() : buckets.get(0).name();
        }
        return influx.org();
    }

    public String describeSource() {
        return source.map(Object::toString).orElse("embedded HomeIQ profile");
    }

    public Optional<ServiceSpec> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    public Optional<BucketSpec> bucket(String bucketName) {
        return buckets.stream().filter(b -> b.name().equals(bucketName)).findFirst();
    }
}
