package io.github.influxreset.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
        return waitFor(start(home, log, killAt, args));
    }

    /** Starts the command and returns at once (for two commands at the same time). */
    public static Process start(Path home, Path log, String killAt, List<String> args) throws IOException {
        return start(home, log, killAt, args, List.of());
    }

    /** As {@link #start(Path, Path, String, List)}, with JVM options ({@code -Duser.home=…}: another user's home). */
    public static Process start(Path home, Path log, String killAt, List<String> args, List<String> jvmOptions)
            throws IOException {
        // a short-lived command: the first JIT tier is enough and starts faster
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        if (killAt != null) {
            command.add("-Dinfluxreset.killAt=" + killAt);
        }
        command.add("io.github.influxreset.app.Main");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("INFLUX_RESET_HOME", home.toString());
        return builder.start();
    }

    /** The exit code of a started command; fails the test when it runs longer than five minutes. */
    public static int waitFor(Process process) throws InterruptedException {
        return waitFor(process, Duration.ofMinutes(5));
    }

    /** The exit code of a started command; fails the test when it runs longer than {@code limit}. */
    public static int waitFor(Process process, Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish: " + process.info().commandLine().orElse("?"));
        }
        return process.exitValue();
    }
}
