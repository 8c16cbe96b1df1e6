package io.github.influxreset.domain;

/**
 * The product's one error type. {@link #getMessage()} is a sentence for the user saying what is
 * wrong; {@link #hint()} says what to do; the cause keeps the technical detail. The
 * {@link Reason} decides the command line's exit code.
 */
public class ResetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation stopped; each maps to one exit code of the command line. */
    public enum Reason {
        /** A check or validation found problems (exit 1). */
        PROBLEM_FOUND(1),
        /** Bad usage, bad profile or bad input; nothing was changed (exit 2). */
        BAD_INPUT(2),
        /** A step failed and what it did was rolled back (exit 3). */
        STEP_FAILED(3),
        /** Rollback failed or was interrupted; the stack needs attention (exit 4). */
        NEEDS_ATTENTION(4);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;
    private final String hint;

    public ResetException(Reason reason, String sentence, String hint, Throwable cause) {
        super(sentence, cause);
        this.reason = reason;
        this.hint = hint == null ? "" : hint;
    }

    public ResetException(Reason reason, String sentence, String hint) {
        this(reason, sentence, hint, null);
    }

    public static ResetException badInput(String sentence, String hint) {
        return new ResetException(Reason.BAD_INPUT, sentence, hint);
    }

    public static ResetException problem(String sentence, String hint, Throwable cause) {
        return new ResetException(Reason.PROBLEM_FOUND, sentence, hint, cause);
    }

    public Reason reason() {
        return reason;
    }

    public String hint() {
        return hint;
    }

    /** The sentence and the hint, as shown to a user. */
    public String userText() {
        return hint.isEmpty() ? getMessage() : getMessage() + " " + hint;
    }
}
