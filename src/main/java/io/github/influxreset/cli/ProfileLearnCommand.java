package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.session.StackInspector;
import java.nio.file.Path;
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
        StackInspector.LearnedSchema learned = root.context.session(profile).inspector().learnSchema();
        Output output = root.output();
        learned.lines().forEach(output::line);
        root.context.profileFiles().writeWithSchema(profile, learned.learned(), file);
        output.line("Wrote the profile with the live schema to " + file + "; read it, then use --profile " + file + ".");
        output.document(Map.of("written", file.toString(), "measurements", learned.rows()));
        return 0;
    }
}
