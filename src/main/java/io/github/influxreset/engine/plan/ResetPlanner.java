package io.github.influxreset.engine.plan;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.checks.HealthBeforeRun;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.run.Plan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Discovers the stack and builds the plan of a reset (or a move). When the Docker engine cannot be
 * asked, the plan is still built, with placeholders for what discovery would have named, and the
 * reason is kept so the caller can say it.
 */
public final class ResetPlanner {
    /** A plan and, when discovery failed, the sentence saying why. */
    public record Result(Plan plan, Optional<String> discoveryProblem) {
    }

    /** The stack as discovery found it (empty when it could not), and why not. */
    private record Discovery(StackSnapshot stack, Optional<String> problem) {
    }

    private final Clock clock;

    public ResetPlanner(Clock clock) {
        this.clock = clock;
    }

    public Result plan(Profile profile, Ports ports, ResetMode mode) {
        if (mode == ResetMode.ONLINE && profile.influx().isV1()) {
            throw ResetException.badInput("An online reset renames buckets, which InfluxDB 1.x cannot do with a database.",
                    "Use --mode buckets or --mode full on 1.x (the services stop while it runs), or move the stack to 2.x "
                    + "first ('move').");
        }
        Discovery found = discover(profile, ports);
        Plan plan = new PlanBuilder(profile, found.stack()).withLiveBucketSpecs(liveBuckets(ports.influx()))
                .build(mode, Plan.newId(clock));
        return new Result(plan, found.problem());
    }

    /**
     * The plan of moving a 1.x stack to the 2.x server of its profile's {@code moveTo}; the databases
     * of the 1.x server and the buckets the 2.x server has now are read (none when a server does not
     * answer: its check says why).
     */
    public Result planMove(Profile profile, Ports ports) {
        requireMovable(profile);
        Discovery found = discover(profile, ports);
        Plan plan = new PlanBuilder(profile, found.stack()).withLiveBucketSpecs(liveBuckets(ports.influx()))
                .move(Plan.newId(clock), liveBuckets(ports.target()));
        return new Result(plan, found.problem());
    }

    /** Throws (bad input) unless the profile is a 1.x stack naming a 2.x server to move to. */
    public static void requireMovable(Profile profile) {
        if (!profile.influx().isV1()) {
            throw ResetException.badInput("Profile " + profile.name() + " runs InfluxDB 2.x already; a move takes a 1.x "
                    + "stack to 2.x.", "To fix the structure of a 2.x stack, use 'reset' (--mode repair, buckets or full).");
        }
        if (profile.moveTo().isEmpty()) {
            throw ResetException.badInput("Profile " + profile.name() + " names no InfluxDB 2.x server to move to.",
                    "Add a moveTo section to the profile (version 2, url, org, token), as the README shows.");
        }
    }

    /** A move's catch-up (see {@link PlanBuilder#catchUp}): what 1.x took since {@code since}, carried to 2.x. */
    public Result planCatchUp(Profile profile, Ports ports, Instant since) {
        requireMovable(profile);
        Discovery found = discover(profile, ports);
        return new Result(new PlanBuilder(profile, found.stack()).catchUp(Plan.newId(clock), since), found.problem());
    }

    private static Discovery discover(Profile profile, Ports ports) {
        String project = profile.stack().composeProject();
        StackSnapshot stack;
        try {
            stack = ports.docker().discover(project);
        } catch (ResetException e) {
            return new Discovery(new StackSnapshot(project, List.of()), Optional.of(e.getMessage()));
        }
        if (stack.service(profile.influx().service()).isEmpty()) {
            return new Discovery(new StackSnapshot(project, List.of()), Optional.of("Compose project '" + project
                    + "' has no container of service '" + profile.influx().service() + "'."));
        }
        return new Discovery(stack.withHealthProblems(HealthBeforeRun.problems(profile, ports.docker(), stack)), Optional.empty());
    }

    /** The buckets on the server, or none when InfluxDB does not answer (the checks say so). */
    private static List<BucketSpec> liveBuckets(InfluxPort influx) {
        try {
            return influx.buckets();
        } catch (ResetException notAnswering) {
            return List.of();
        }
    }
}
