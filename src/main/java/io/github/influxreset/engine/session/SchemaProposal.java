package io.github.influxreset.engine.session;

import io.github.influxreset.domain.MeasurementSchema;
import java.util.List;

/**
 * The schema of a stack's live data, read from its InfluxDB, beside the brief's HomeIQ schema:
 * what the first run proposes to write into the profile.
 *
 * @param learned    each measurement the live data has; empty when none could be read
 * @param comparison lines for a person: per measurement, live beside the brief's
 * @param summary    one sentence: what was read, or why nothing was
 */
public record SchemaProposal(List<MeasurementSchema> learned, List<String> comparison, String summary) {
    public SchemaProposal {
        learned = List.copyOf(learned);
        comparison = List.copyOf(comparison);
    }

    /** Nothing read, and why: the brief's schema stays. */
    public static SchemaProposal unread(String why) {
        return new SchemaProposal(List.of(), List.of(), why);
    }
}
