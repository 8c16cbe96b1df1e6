package io.github.influxreset.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a real system it needs is missing: skips with the reason printed, or, with
 * {@code -Drequire.docker=true} (CI), fails.
 */
public final class Required {
    private Required() {
    }

    /** Never returns normally: the test is aborted (skipped) or an exception fails it. */
    public static void missing(String what, String reason) {
        if (Boolean.getBoolean("require.docker")) {
            throw new IllegalStateException(reason + " (required: -Drequire.docker=true)");
        }
        System.out.println("SKIPPED " + what + ": " + reason);
        Assumptions.abort(reason);
    }
}
