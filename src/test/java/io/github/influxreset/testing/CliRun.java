package io.github.influxreset.testing;

import io.github.influxreset.cli.Cli;
import io.github.influxreset.cli.CliContext;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** One command line run in this JVM: its exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {
    public static CliRun run(CliContext context, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, context, new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader(stdin)));
        return new CliRun(code, out.toString(), err.toString());
    }
}
