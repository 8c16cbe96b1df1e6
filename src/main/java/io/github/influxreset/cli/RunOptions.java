package io.github.influxreset.cli;

import picocli.CommandLine.Option;

/** The options of a command that runs a plan: a dry run, the confirmation, and resuming an interrupted run. */
final class RunOptions {
    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Confirm without asking.")
    boolean yes;

    @Option(names = "--resume", description = "Finish the interrupted run instead of starting a new one.")
    boolean resume;
}
