package io.github.influxreset.engine.session;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.checks.HealthBeforeRun;
import io.github.influxreset.engine.plan.PlanBuilder;
import io.github.influxreset.engine.plan.RestorePlanBuilder;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Plan;
import java.util.Map;

/** The plan that carries out a {@link RestoreRequest}: the one place that chooses among the restore plans. */
final class RestoreChoice {
    private RestoreChoice() {
    }

    /** @throws ResetException (bad input) when the set cannot serve the request; nothing has changed then */
    static Plan plan(RestoreRequest request, Profile profile, Ports ports, String planId) {
        BackupInfo source = ports.backups().info(request.backupId());
        RestorePlanBuilder builder = new RestorePlanBuilder(profile, request.newBucket().isPresent() ? Map.of()
                : unhealthyNow(profile, ports));
        if (request.merge().isPresent()) {
            return builder.merge(source, request.bucket(), request.merge().get(), planId);
        }
        if (request.newBucket().isPresent()) {
            return builder.oneBucket(source, request.bucket().orElseThrow(), request.newBucket().get(), planId);
        }
        return switch (request.source()) {
            case SQLITE -> builder.sqlite(source, planId);
            case NATIVE -> {
                requireNative(request.backupId(), ports);
                yield builder.fromNative(source, planId);
            }
            case VOLUMES -> {
                StackSnapshot stack = ports.docker().discover(profile.stack().composeProject());
                yield new PlanBuilder(profile, stack.withHealthProblems(HealthBeforeRun.problems(profile, ports.docker(), stack)))
                        .fromVolumes(source, planId);
            }
            case EXPORT -> builder.wholeSet(source, planId);
        };
    }

    /**
     * Why each running service is not healthy now, as the restart will judge it; none when the stack
     * cannot be discovered (the restore's checks say why).
     */
    private static Map<String, String> unhealthyNow(Profile profile, Ports ports) {
        try {
            return HealthBeforeRun.problems(profile, ports.docker(), ports.docker().discover(profile.stack().composeProject()));
        } catch (ResetException undiscovered) {
            return Map.of();
        }
    }

    private static void requireNative(String backupId, Ports ports) {
        if (!ports.backups().holdsNative(backupId)) {
            throw ResetException.badInput("Backup set " + backupId + " holds no native backup of InfluxDB 2.x (it is "
                    + "taken with the operator token only, and not on 1.x); nothing was changed.",
                    "Restore it from the export (the default) or from the volume snapshots (--from volumes).");
        }
    }
}
