package io.github.influxreset.app;

import io.github.influxreset.cli.Cli;
import io.github.influxreset.config.ProfileLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code java -jar influx-reset.jar [options] [command]}: with a command it runs headless, with
 * none it opens the wizard. Not a JavaFX Application itself, so the jar starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppHome home = AppHome.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
        System.setProperty("influxreset.logs", home.logs().toString());
        AppContext context = new AppContext(home, ProfileLoader.fromSystem());
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int exitCode = args.length == 0 ? Cli.openWizard(context, err) : Cli.run(args, context, out, err, in);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
