package io.github.influxreset.engine.report;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.RunRecord;
import java.util.List;

/** What a run's report shows: the run, its actions and findings, its timeline and its buckets before and after. */
public record RunSummary(RunRecord run, List<ActionRecord> actions, List<Finding> findings, RunTimeline timeline,
                         List<BucketChange> buckets) {
    public RunSummary {
        actions = List.copyOf(actions);
        findings = List.copyOf(findings);
        buckets = List.copyOf(buckets);
    }
}
