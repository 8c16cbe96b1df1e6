package io.github.influxreset.engine;

import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StackSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Discovers the stack and builds the plan of a reset. When the Docker engine cannot be asked, the
 * plan is still built, with placeholders for what discovery would have named, and the reason is
 * kept so the caller can say it.
 */
public final class ResetPlanner {
    /** A plan and, when discovery failed, the sentence saying why. */
    public record Result(Plan plan, Optional<String> discoveryProblem) {
    }

    private final Clock clock;

    public ResetPlanner(Clock clock) {
        this.clock = clock;
    }

    public Result plan(Profile profile, Ports ports, ResetMode mode) {
        StackSnapshot stack;
        Optional<String> problem = Optional.empty();
        try {
            stack = ports.docker().discover(profile.stack().composeProject());
        } catch (ResetException e) {
            stack = new StackSnapshot(profile.stack().composeProject(), List.of());
            problem = Optional.of(e.getMessage());
        }
        if (problem.isEmpty() && stack.service(profile.influx().service()).isEmpty()) {
            problem = Optional.of("Compose project '" + profile.stack().composeProject() + "' has no container of service '"
                    + profile.influx().service() + "'.");
            stack = new StackSnapshot(profile.stack().composeProject(), List.of());
        }
        Plan plan = new PlanBuilder(profile, stack).withLiveBucketSpecs(liveBuckets(ports)).build(mode, Plan.newId(clock));
        return new Result(plan, problem);
    }

    /** The buckets on the server, or none when InfluxDB does not answer (the checks say so). */
    private static List<io.github.influxreset.domain.BucketSpec> liveBuckets(Ports ports) {
        try {
            return ports.influx().buckets();
        } catch (ResetException notAnswering) {
            return List.of();
        }
    }
}
