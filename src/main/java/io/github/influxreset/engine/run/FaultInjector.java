package io.github.influxreset.engine.run;

/**
 * A test seam: kills the process right before or after a named action, so tests can prove that
 * a run interrupted anywhere can be resumed or rolled back. Off unless the system property
 * {@code influxreset.killAt} (or the environment variable {@code INFLUX_RESET_KILL_AT}) is set to
 * {@code before:INDEX} or {@code after:INDEX}.
 */
public final class FaultInjector {
    public static final FaultInjector NONE = new FaultInjector(null);

    private final String killAt;

    FaultInjector(String killAt) {
        this.killAt = killAt;
    }

    public static FaultInjector fromEnvironment() {
        String value = System.getProperty("influxreset.killAt", System.getenv("INFLUX_RESET_KILL_AT"));
        return new FaultInjector(value == null || value.isBlank() ? null : value.trim());
    }

    void before(int index) {
        killIf("before:" + index);
    }

    void after(int index) {
        killIf("after:" + index);
    }

    private void killIf(String point) {
        if (point.equals(killAt)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
