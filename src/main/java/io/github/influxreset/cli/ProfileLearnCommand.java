package io.github.influxreset.cli;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.SchemaRewriter;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SchemaLearner;
import io.github.influxreset.engine.port.InfluxPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code profile learn FILE}: the schema of the live data (every measurement of the profile's
 * buckets, its tag keys, field keys and types, made-up key families as patterns), printed beside
 * what the profile declares, and written to FILE as the profile with that schema. Reads InfluxDB,
 * changes nothing in it.
 */
@Command(name = "learn", description = "Read the schema of the live data (measurements, tag and field keys, types) and "
        + "write FILE: the profile with that schema; prints it beside the profile's own.")
final class ProfileLearnCommand implements Callable<Integer> {
    @ParentCommand
    ProfileCommand parent;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        ProfileCommand.refuseExisting(file);
        RootCommand root = parent.root;
        Profile profile = root.context.profile(root.profileFile);
        InfluxPort influx = root.context.ports(profile).influx();
        List<String> live = influx.buckets().stream().map(BucketSpec::name).toList();
        List<MeasurementSchema> learned = new ArrayList<>();
        for (BucketSpec bucket : profile.buckets()) {
            if (live.contains(bucket.name())) {
                for (String measurement : influx.measurements(bucket.name())) {
                    learned.add(SchemaLearner.learn(bucket.name(), measurement, influx.tagKeys(bucket.name(), measurement),
                            influx.fieldKeys(bucket.name(), measurement)));
                }
            }
        }
        if (learned.isEmpty()) {
            throw ResetException.badInput("The profile's buckets (" + String.join(", ", profile.buckets().stream()
                    .map(BucketSpec::name).toList()) + ") hold no data yet, so there is no live schema to learn; nothing was"
                    + " written.", "Run it once the services have written points.");
        }
        Output output = root.output();
        List<Map<String, Object>> comparison = new ArrayList<>();
        for (MeasurementSchema measurement : learned) {
            Optional<MeasurementSchema> declared = profile.schema().stream()
                    .filter(s -> s.bucket().equals(measurement.bucket()) && s.measurement().equals(measurement.measurement()))
                    .findFirst();
            comparison.add(compare(output, measurement, declared));
        }
        write(profile, learned);
        output.line("Wrote the profile with the live schema to " + file + "; read it, then use --profile " + file + ".");
        output.document(Map.of("written", file.toString(), "measurements", comparison));
        return 0;
    }

    /** One measurement, live beside declared: keys only one side has. */
    private static Map<String, Object> compare(Output output, MeasurementSchema live, Optional<MeasurementSchema> declared) {
        TreeSet<String> liveKeys = keys(live);
        TreeSet<String> declaredKeys = declared.map(ProfileLearnCommand::keys).orElse(new TreeSet<>());
        TreeSet<String> onlyLive = new TreeSet<>(liveKeys);
        onlyLive.removeAll(declaredKeys);
        TreeSet<String> onlyDeclared = new TreeSet<>(declaredKeys);
        onlyDeclared.removeAll(liveKeys);
        output.line(live.measurement() + " (bucket " + live.bucket() + "):");
        output.line("  live data : tags " + live.tags() + ", fields " + fieldsText(live));
        output.line("  profile   : " + declared.map(d -> "tags " + d.tags() + ", fields " + fieldsText(d))
                .orElse("does not declare this measurement"));
        if (!onlyLive.isEmpty()) {
            output.line("  only in the live data: " + String.join(", ", onlyLive));
        }
        if (!onlyDeclared.isEmpty()) {
            output.line("  only in the profile (never written): " + String.join(", ", onlyDeclared));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bucket", live.bucket());
        row.put("measurement", live.measurement());
        row.put("onlyLive", List.copyOf(onlyLive));
        row.put("onlyProfile", List.copyOf(onlyDeclared));
        return row;
    }

    private static TreeSet<String> keys(MeasurementSchema schema) {
        TreeSet<String> keys = new TreeSet<>(schema.tags());
        schema.tagPatterns().forEach(p -> keys.add(p.glob()));
        keys.addAll(schema.fields().keySet());
        schema.fieldPatterns().forEach(p -> keys.add(p.glob()));
        return keys;
    }

    private static String fieldsText(MeasurementSchema schema) {
        List<String> fields = new ArrayList<>();
        schema.fields().forEach((key, type) -> fields.add(key + ": " + type.yamlName()));
        schema.fieldPatterns().forEach(p -> fields.add(p.glob() + ": " + p.typeName()));
        return "{" + String.join(", ", fields) + "}";
    }

    private void write(Profile profile, List<MeasurementSchema> learned) {
        try {
            String text = profile.source().isPresent() ? Files.readString(profile.source().get()) : ProfileLoader.embeddedText();
            Files.writeString(file, SchemaRewriter.withSchema(text, learned));
        } catch (IOException e) {
            throw ResetException.badInput(file + " cannot be written: " + e.getMessage() + ".", "Choose a folder you can write to.");
        }
    }
}
