package io.github.influxreset.cli;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.ProfileWriter;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code profile show | init FILE}. */
@Command(name = "profile", description = "Show the effective profile or write the HomeIQ profile out for editing.",
        subcommands = {ProfileCommand.Show.class, ProfileCommand.Init.class})
final class ProfileCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        throw ResetException.badInput("'profile' needs a sub-command.", "Use 'profile show' or 'profile init FILE'.");
    }

    /** {@code profile show}: the effective profile, variables resolved and secrets masked. */
    @Command(name = "show", description = "Print the effective profile (secrets masked).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Override
        public Integer call() {
            Profile profile = parent.root.context.profile(parent.root.profileFile);
            Output output = parent.root.output();
            output.line(ProfileWriter.toYaml(profile).stripTrailing());
            profile.warnings().forEach(w -> parent.root.err.println("Warning: " + w));
            output.document(ProfileWriter.toTree(profile));
            return 0;
        }
    }

    /** {@code profile init FILE}: writes the embedded HomeIQ profile, placeholders kept. */
    @Command(name = "init", description = "Write the HomeIQ profile to FILE for editing.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try {
                Files.writeString(file, ProfileLoader.embeddedText(), StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw ResetException.badInput(file + " already exists and was left as it is.",
                        "Choose another file name, or delete it first.");
            } catch (IOException e) {
                throw ResetException.badInput(file + " cannot be written: " + e.getMessage() + ".",
                        "Choose a folder you can write to.");
            }
            parent.root.output().line("Wrote the HomeIQ profile to " + file + "; edit it, then use --profile " + file + ".");
            parent.root.output().document(Map.of("written", file.toString()));
            return 0;
        }
    }
}
