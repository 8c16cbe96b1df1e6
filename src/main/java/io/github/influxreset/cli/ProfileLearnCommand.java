package io.github.influxreset.cli;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.SchemaRewriter;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.LiveSchema;
import io.github.influxreset.engine.port.InfluxPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<MeasurementSchema> learned = LiveSchema.learn(profile.buckets(), influx);
        if (learned.isEmpty()) {
            throw ResetException.badInput("The profile's buckets (" + String.join(", ", profile.buckets().stream()
                    .map(BucketSpec::name).toList()) + ") hold no data yet, so there is no live schema to learn; nothing was"
                    + " written.", "Run it once the services have written points.");
        }
        Output output = root.output();
        List<Map<String, Object>> comparison = new ArrayList<>();
        for (LiveSchema.Comparison measurement : LiveSchema.compare(learned, profile.schema())) {
            measurement.lines("profile  ").forEach(output::line);
            comparison.add(LiveSchema.row(measurement));
        }
        write(profile, learned);
        output.line("Wrote the profile with the live schema to " + file + "; read it, then use --profile " + file + ".");
        output.document(Map.of("written", file.toString(), "measurements", comparison));
        return 0;
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
