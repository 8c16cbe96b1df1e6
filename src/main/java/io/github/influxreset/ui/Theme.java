package io.github.influxreset.ui;

/** The wizard's colours: light (wizard.css) or dark (dark.css on top of it). */
public enum Theme {
    LIGHT, DARK;

    /** What the user chose: follow the system, or one theme always. */
    public enum Choice {
        SYSTEM("Follow the system"), LIGHT("Light"), DARK("Dark");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The theme of a choice, given the system's theme. */
    public static Theme of(Choice choice, Theme system) {
        return switch (choice) {
            case SYSTEM -> system;
            case LIGHT -> LIGHT;
            case DARK -> DARK;
        };
    }
}
