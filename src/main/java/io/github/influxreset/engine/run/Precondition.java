package io.github.influxreset.engine.run;

import java.util.Optional;

/**
 * One thing that must hold before an undo may change anything: what is checked and, when it does
 * not hold, the sentence saying why. A {@linkplain #changed changed} precondition means the stack
 * moved on since the run stopped (the run is stale): {@code --force-stale} may override it, after
 * the live data was backed up. A {@linkplain #fails failed} one can never be overridden.
 */
public record Precondition(String what, Optional<String> problem, boolean staleOnly) {
    public static Precondition holds(String what) {
        return new Precondition(what, Optional.empty(), false);
    }

    /** The undo cannot put back what it promises: the rollback is refused. */
    public static Precondition fails(String what, String problem) {
        return new Precondition(what, Optional.of(problem), false);
    }

    /** What the undo would remove is not what the run left: the run is stale. */
    public static Precondition changed(String what, String problem) {
        return new Precondition(what, Optional.of(problem), true);
    }

    public boolean ok() {
        return problem.isEmpty();
    }

    /** One line for the undo plan: "ok  what" or "NO  what: problem". */
    public String line() {
        return problem.map(p -> (staleOnly ? "CHANGED " : "NO  ") + what + ": " + p).orElse("ok  " + what);
    }
}
