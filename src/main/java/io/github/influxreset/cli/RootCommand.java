package io.github.influxreset.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code influx-reset [--profile FILE] [--json] COMMAND}; without a command it opens the wizard. */
@Command(name = "influx-reset", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Guided, reversible InfluxDB reset for a Docker Compose stack.",
        subcommands = {GuiCommand.class, CheckCommand.class, PlanCommand.class, BackupCommand.class,
                ResetCommand.class, MoveCommand.class, ValidateCommand.class, RestoreCommand.class, RollbackCommand.class,
                BackupsCommand.class, RunsCommand.class,
                ProfileCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a check or validation found problems, 2 bad usage, profile or input,",
                "3 a step failed and was rolled back, 4 rollback failed: the stack needs attention."})
public final class RootCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The stack's profile (YAML). Default: the embedded HomeIQ profile.")
    Path profileFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout; progress and logs go to stderr.")
    boolean json;

    final CliContext context;
    final PrintWriter out;
    final PrintWriter err;
    final BufferedReader in;

    RootCommand(CliContext context, PrintWriter out, PrintWriter err, BufferedReader in) {
        this.context = context;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    Output output() {
        return new Output(out, json);
    }

    @Override
    public Integer call() {
        context.openWizard(profileFile);
        return 0;
    }
}
