package io.github.influxreset.engine.checks;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.engine.port.InfluxPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which mode fixes every difference between the live server and the profile at the least cost:
 * a repair when only retention and buckets differ (or nothing does), a reset when a field's type or
 * a tag differs (only rewriting the data fixes those): on 2.x the online one, which stops nothing,
 * on 1.x the buckets one. Reads only.
 */
public final class ModeAdvisor {
    /** The gentlest mode that fixes everything found, and the sentence saying why. */
    public record Advice(ResetMode mode, String reason) {
    }

    private ModeAdvisor() {
    }

    public static Advice advise(Profile profile, InfluxPort influx) {
        List<String> inPlace = inPlaceDifferences(profile, influx.buckets());
        List<String> structural = structuralDifferences(profile, LiveSchema.learn(profile.buckets(), influx));
        if (!structural.isEmpty()) {
            String why = "only a reset fixes " + String.join("; ", structural)
                    + (inPlace.isEmpty() ? "" : " (a repair would fix " + String.join("; ", inPlace) + ")");
            return profile.influx().isV1() ? new Advice(ResetMode.BUCKETS, why)
                    : new Advice(ResetMode.ONLINE, why + "; on InfluxDB 2.x it runs online, no service stopped");
        }
        return new Advice(ResetMode.REPAIR, inPlace.isEmpty() ? "the live server already matches the profile's buckets, "
                + "retention and schema: a repair changes nothing" : "a repair fixes everything found, in place: "
                + String.join("; ", inPlace));
    }

    private static List<String> inPlaceDifferences(Profile profile, List<BucketSpec> live) {
        List<String> found = new ArrayList<>();
        for (BucketSpec wanted : profile.buckets()) {
            Optional<BucketSpec> actual = live.stream().filter(b -> b.name().equals(wanted.name())).findFirst();
            if (actual.isEmpty()) {
                found.add("bucket " + wanted.name() + " is missing");
            } else if (!actual.get().retention().equals(wanted.retention())) {
                found.add("bucket " + wanted.name() + " keeps " + actual.get().retention() + ", not " + wanted.retention());
            }
        }
        return found;
    }

    /** Fields whose live type is not the declared one, and tags the schema does not declare. */
    private static List<String> structuralDifferences(Profile profile, List<MeasurementSchema> learned) {
        List<String> found = new ArrayList<>();
        for (MeasurementSchema live : learned) {
            Optional<MeasurementSchema> declared = profile.schema().stream()
                    .filter(d -> d.bucket().equals(live.bucket()) && d.measurement().equals(live.measurement())).findFirst();
            if (declared.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, FieldType> field : live.fields().entrySet()) {
                declared.get().fieldType(field.getKey()).filter(type -> type != field.getValue()).ifPresent(type ->
                        found.add("field " + field.getKey() + " of " + live.measurement() + " is " + field.getValue().yamlName()
                                + ", not " + type.yamlName()));
            }
            live.tags().stream().filter(t -> !declared.get().declaresTag(t))
                    .forEach(t -> found.add("tag " + t + " of " + live.measurement() + " is not in the profile"));
        }
        return found;
    }
}
