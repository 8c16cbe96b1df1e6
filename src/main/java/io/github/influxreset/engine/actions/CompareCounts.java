package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** After a restore: the point count of every measurement against the set's manifest. */
public final class CompareCounts extends ReadOnlyAction {
    public static final String KIND = "compare-counts";

    public CompareCounts(Map<String, String> params) {
        super(KIND, params, "Nothing to undo for the comparison");
    }

    public static CompareCounts of(String source, String bucket, String target) {
        return new CompareCounts(Map.of("source", source, "bucket", bucket, "target", target));
    }

    @Override
    public String describe() {
        return "Compare the points of " + param("target") + " with the manifest of " + param("source");
    }

    @Override
    public void execute(RunContext ctx) {
        BackupInfo.Bucket expected = ctx.ports().backups().info(param("source")).buckets().stream()
                .filter(b -> b.name().equals(param("bucket"))).findFirst().orElseThrow();
        Map<String, Long> actual = ctx.ports().influx().countPoints(param("target"));
        List<Finding> findings = new ArrayList<>();
        expected.points().forEach((measurement, count) -> {
            long restored = actual.getOrDefault(measurement, 0L);
            String text = restored + " of " + count + " points restored";
            findings.add(restored == count ? Finding.ok(param("target") + "." + measurement, text)
                    : Finding.error(param("target") + "." + measurement, text));
        });
        ctx.report(findings);
        if (findings.stream().anyMatch(f -> f.severity().isProblem())) {
            throw ResetException.problem("Bucket " + param("target") + " does not hold every point of the backup set.",
                    "See the counts above; the restore is rolled back.", null);
        }
    }
}
