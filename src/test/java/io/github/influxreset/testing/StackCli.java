package io.github.influxreset.testing;

/**
 * The command line on a {@link TestStack}, as a test drives it: each {@link #run} keeps the last
 * exit code's stdout and stderr for the assertions that follow.
 */
public final class StackCli {
    private final TestStack stack;
    private CliRun last = new CliRun(-1, "", "");

    public StackCli(TestStack stack) {
        this.stack = stack;
    }

    /** Runs the command line with {@code args} (no stdin) and returns its exit code. */
    public int run(String... args) {
        last = CliRun.run(new StackCliContext(stack), "", args);
        return last.code();
    }

    public String out() {
        return last.out();
    }

    public String err() {
        return last.err();
    }
}
