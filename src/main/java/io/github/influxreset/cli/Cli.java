package io.github.influxreset.cli;

import io.github.influxreset.domain.ResetException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one command line and returns its exit code. A {@link ResetException} becomes its sentence
 * on stderr and the exit code of its reason; anything else becomes one sentence too, never a stack
 * trace (that goes to the log file).
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, CliContext context, PrintWriter out, PrintWriter err, BufferedReader in) {
        RootCommand root = new RootCommand(context, out, err, in);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, cmd, parsed) -> {
                    context.log().technicalCauses(failure);
                    return report(failure, err);
                });
        return commandLine.execute(args);
    }

    /** Opens the wizard without parsing a command line (what {@code run} does with no arguments, sooner). */
    public static int openWizard(CliContext context, PrintWriter err) {
        try {
            context.openWizard(null);
            return 0;
        } catch (RuntimeException failure) {
            return report(failure, err);
        }
    }

    private static int report(Exception failure, PrintWriter err) {
        if (failure instanceof ResetException reset) {
            err.println("Error: " + reset.userText());
            err.flush();
            return reset.reason().exitCode();
        }
        LoggerFactory.getLogger(Cli.class).error("Unexpected failure", failure);
        err.println("Error: an unexpected problem stopped the command (" + failure
                + "). The details are in the log file; nothing more was changed.");
        err.flush();
        return ResetException.Reason.NEEDS_ATTENTION.exitCode();
    }
}
