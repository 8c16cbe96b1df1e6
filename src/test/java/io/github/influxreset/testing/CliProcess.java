package io.github.influxreset.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the product's {@code Main} in a new JVM, as a user runs the jar: its own journal and logs
 * in {@code home}, output appended to {@code log}, optionally killed at a point of the run.
 */
public final class CliProcess {
    private CliProcess() {
    }

    public static int run(Path home, Path log, String killAt, List<String> args) throws IOException, InterruptedException {
        // a short-lived command: the first JIT tier is enough and starts faster
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        if (killAt != null) {
            command.add("-Dinfluxreset.killAt=" + killAt);
        }
        command.add("io.github.influxreset.app.Main");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("INFLUX_RESET_HOME", home.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish: " + command);
        }
        return process.exitValue();
    }
}
