package io.github.influxreset.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.SqliteSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the effective profile (variables resolved, secrets masked) as YAML or as a tree for JSON.
 */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    public static String toYaml(Profile profile) {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
        try {
            return yaml.writeValueAsString(toTree(profile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile could not be written as YAML", e);
        }
    }

    /** The profile as nested maps and lists; secrets appear as {@code ******}. */
    public static Map<String, Object> toTree(Profile profile) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", profile.name());
        root.put("source", profile.describeSource());
        root.put("stack", map("composeProject", profile.stack().composeProject(),
                "envFile", profile.stack().env().map(Path::toString).orElse(null),
                "configFiles", profile.stack().configFiles().stream().map(Path::toString).toList()));
        root.put("docker", map("host", profile.dockerHost(), "context", profile.engine().context().orElse(null),
                "chosenBy", profile.engine().chosenBy()));
        root.put("influx", influx(profile.influx()));
        root.put("buckets", profile.buckets().stream().map(ProfileWriter::bucket).toList());
        root.put("schema", profile.schema().stream().map(ProfileWriter::measurement).toList());
        root.put("services", profile.services().stream().map(ProfileWriter::service).toList());
        root.put("sqlite", profile.sqlite().stream().map(ProfileWriter::sqlite).toList());
        root.put("validation", map("queryBudget", profile.queryBudget().toMillis() + "ms"));
        root.put("backups", map("dir", profile.backups().dir().toString(), "keep", profile.backups().keep()));
        return root;
    }

    private static Map<String, Object> influx(InfluxSpec influx) {
        Map<String, Object> node = map("version", influx.version(), "service", influx.service(), "url", influx.url());
        if (!influx.isV1()) {
            node.put("org", influx.org());
            node.put("token", influx.token().toString());
            node.put("setup", map("username", influx.setupUsername(), "password", influx.setupPassword().toString()));
        } else {
            node.put("username", influx.username());
            node.put("password", influx.password().toString());
        }
        return node;
    }

    private static Map<String, Object> sqlite(SqliteSpec db) {
        return db.inContainer() ? map("service", db.service(), "path", db.containerPath()) : map("path", db.hostPath());
    }

    private static Map<String, Object> bucket(BucketSpec bucket) {
        return map("name", bucket.name(), "retention", bucket.retention().format());
    }

    private static Map<String, Object> measurement(MeasurementSchema schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        schema.fields().forEach((k, v) -> fields.put(k, v.yamlName()));
        schema.fieldPatterns().forEach(p -> fields.put(p.glob(), p.typeName()));
        List<String> tags = new ArrayList<>(schema.tags());
        schema.tagPatterns().forEach(p -> tags.add(p.glob()));
        return map("measurement", schema.measurement(), "bucket", schema.bucket(), "tags", tags, "fields", fields);
    }

    private static Map<String, Object> service(ServiceSpec service) {
        Map<String, Object> node = map("name", service.name());
        service.health().ifPresent(h -> node.put("health", h));
        return node;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

}
