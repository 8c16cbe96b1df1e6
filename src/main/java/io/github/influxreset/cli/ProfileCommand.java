package io.github.influxreset.cli;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.session.SchemaProposal;
import io.github.influxreset.engine.session.StackFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code profile show | init FILE | discover [PROJECT] FILE | learn FILE}. */
@Command(name = "profile", description = "Show the effective profile, write the HomeIQ profile out for editing, or "
        + "discover the profile of a stack on the Docker engine.",
        subcommands = {ProfileCommand.Show.class, ProfileCommand.Init.class, ProfileCommand.Discover.class,
            ProfileLearnCommand.class})
final class ProfileCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        throw ResetException.badInput("'profile' needs a sub-command.",
                "Use 'profile show', 'profile init FILE', 'profile discover [PROJECT] FILE' or 'profile learn FILE'.");
    }

    /** A command that writes FILE never writes over one: the sentence when FILE is there already. */
    static void refuseExisting(Path file) {
        if (Files.exists(file)) {
            throw ResetException.badInput(file + " already exists and was left as it is.",
                    "Choose another file name, or delete it first.");
        }
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
            output.line(parent.root.context.profileFiles().yaml(profile).stripTrailing());
            profile.warnings().forEach(w -> parent.root.err.println("Warning: " + w));
            output.document(parent.root.context.profileFiles().tree(profile));
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
            parent.root.context.profileFiles().writeHomeIq(file);
            parent.root.output().line("Wrote the HomeIQ profile to " + file + "; edit it, then use --profile " + file + ".");
            parent.root.output().document(Map.of("written", file.toString()));
            return 0;
        }
    }

    /**
     * {@code profile discover [PROJECT] FILE}: the profile the wizard's first run proposes for a
     * compose project on the Docker engine (services in start order, InfluxDB, SQLite, org, the live
     * data's schema when it can be read), secrets
     * as {@code ${VAR}} of the project's .env; each guess printed with where it came from.
     */
    @Command(name = "discover", description = "Write the profile the first run proposes for a compose project on the "
            + "Docker engine (the project that runs InfluxDB when none is named); every guess is printed with its source.")
    static final class Discover implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Parameters(arity = "1..2", paramLabel = "[PROJECT] FILE")
        List<String> arguments;

        @Override
        public Integer call() {
            Path file = Path.of(arguments.get(arguments.size() - 1));
            refuseExisting(file);
            StackFinder finder = parent.root.context.stackFinder();
            ComposeProject project = choose(finder.projects(), arguments.size() == 2 ? arguments.get(0) : null);
            ProfileDraft guessed = finder.guess(project);
            SchemaProposal schema = finder.learnSchema(guessed);
            ProfileDraft draft = guessed.withSchema(schema.learned());
            finder.save(draft, file);
            Output output = parent.root.output();
            output.line("Profile of compose project " + project.name() + ", as guessed:");
            draft.notes().forEach(note -> output.line("  - " + note));
            output.line("Schema: " + schema.summary());
            schema.comparison().forEach(output::line);
            output.line("Wrote it to " + file + "; read it, then use --profile " + file + ".");
            output.document(Map.of("written", file.toString(), "project", project.name(), "services", draft.services(),
                    "notes", draft.notes(), "schema", schema.summary()));
            return 0;
        }

        private static ComposeProject choose(List<ComposeProject> projects, String name) {
            String names = projects.isEmpty() ? "none" : String.join(", ", projects.stream().map(ComposeProject::name).toList());
            if (name == null) {
                return ComposeProject.likeliest(projects).orElseThrow(() -> ResetException.badInput(
                        "No compose project on the Docker engine runs InfluxDB (projects: " + names + ").",
                        "Start the stack with 'docker compose up -d', or name the project: 'profile discover PROJECT FILE'."));
            }
            return projects.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> ResetException.badInput(
                    "The Docker engine has no compose project '" + name + "' (projects: " + names + ").",
                    "Name one of those, or start the stack first."));
        }
    }
}
