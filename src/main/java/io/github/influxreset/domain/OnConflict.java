package io.github.influxreset.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a merge into a live bucket does with a point at a series and time the bucket already has. */
public enum OnConflict {
    /** The point from the set is written over the live one (the newer write wins, as InfluxDB does). */
    OVERWRITE,
    /** The live point is kept. */
    SKIP;

    /** The word the command line takes ({@code --on-conflict overwrite|skip}). */
    public String cliName() {
        return name().toLowerCase();
    }

    /** The rule a command-line word names; empty for a word that names none. */
    public static Optional<OnConflict> ofCliName(String word) {
        return Arrays.stream(values()).filter(c -> c.cliName().equals(word)).findFirst();
    }
}
