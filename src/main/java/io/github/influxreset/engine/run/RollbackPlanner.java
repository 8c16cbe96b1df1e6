package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a rollback before it changes anything (see {@link RollbackPlan}). Reads only: the journal,
 * the backup set (re-hashed when an undo needs it), the Docker engine and InfluxDB.
 *
 * <p>A run is <em>stale</em> when the stack moved on since it stopped: a later run on the same
 * profile, a last step longer ago than {@link #STALE_AFTER}, or a container of the stack that is
 * not the one the run left. A stale run is rolled back only when the user insists.
 */
public final class RollbackPlanner {
    /** A run whose last step is older than this is stale. */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    private final Journal journal;
    private final ActionCatalog catalog;
    private final Clock clock;

    public RollbackPlanner(Journal journal, ActionCatalog catalog, Clock clock) {
        this.journal = journal;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** How long ago the run stopped and why it is stale, if so; reads no backup set and counts no data. */
    public record Staleness(Duration idle, List<String> reasons) {
        public boolean stale() {
            return !reasons.isEmpty();
        }
    }

    /** The undos of a run, newest first, each rebuilt once from its journal row. */
    private record Pending(RunRecord run, List<ActionRecord> records, List<ActionRecord> rows, List<Action> actions) {
    }

    /** Everything a rollback would do, checked now (re-hashes the set, counts live data). */
    public RollbackPlan plan(RunContext ctx) {
        Pending pending = pending(ctx);
        List<RollbackPlan.Undo> undos = undos(ctx, pending);
        boolean needsSet = pending.actions().stream().anyMatch(Action::undoNeedsBackupSet);
        List<Precondition> setChecks = needsSet ? verifiedSet(ctx, pending.run()).stream().toList() : List.of();
        Staleness staleness = staleness(pending, undos);
        Map<String, Long> atRisk = new LinkedHashMap<>();
        Optional<String> unknown = countLiveData(ctx, pending.actions(), atRisk);
        return new RollbackPlan(pending.run(), staleness.idle(), setChecks, undos, staleness.reasons(), atRisk, unknown);
    }

    /** Only whether the run is stale (for resume and the recovery offer): the cheap part of {@link #plan}. */
    public Staleness staleness(RunContext ctx) {
        Pending pending = pending(ctx);
        return staleness(pending, undos(ctx, pending));
    }

    private Pending pending(RunContext ctx) {
        RunRecord run = journal.run(ctx.runId()).orElseThrow(() -> ResetException.badInput(
                "There is no run " + ctx.runId() + " in the journal.", "List the runs with 'runs list'."));
        List<ActionRecord> records = journal.actions(run.id());
        List<ActionRecord> rows = new ArrayList<>(records.stream().filter(a -> a.status().mayNeedUndo()).toList());
        Collections.reverse(rows);
        return new Pending(run, records, rows, rows.stream().map(r -> catalog.rebuild(r.kind(), r.params())).toList());
    }

    private static List<RollbackPlan.Undo> undos(RunContext ctx, Pending pending) {
        List<RollbackPlan.Undo> undos = new ArrayList<>();
        for (int i = 0; i < pending.rows().size(); i++) {
            ActionRecord record = pending.rows().get(i);
            Action action = pending.actions().get(i);
            undos.add(new RollbackPlan.Undo(record, action.describeUndo(), preconditions(ctx, action, record, pending.records())));
        }
        return List.copyOf(undos);
    }

    private Staleness staleness(Pending pending, List<RollbackPlan.Undo> undos) {
        Duration idle = Duration.between(lastActivity(pending.run(), pending.records()), clock.instant());
        return new Staleness(idle, staleReasons(pending.run(), idle, undos));
    }

    private static List<Precondition> preconditions(RunContext ctx, Action action, ActionRecord record,
                                                    List<ActionRecord> run) {
        try {
            return action.undoPreconditions(ctx, new UndoFacts(record, run));
        } catch (ResetException cannotTell) {
            return List.of(Precondition.fails("what '" + action.describeUndo() + "' needs can be checked",
                    lowerFirst(cannotTell.getMessage())));
        }
    }

    /** Re-hashes the run's set when it is there; a failure is a precondition that does not hold. */
    private static Optional<Precondition> verifiedSet(RunContext ctx, RunRecord run) {
        if (run.backupId() == null || !ctx.ports().backups().list().contains(run.backupId())) {
            return Optional.empty();
        }
        String what = "backup set " + run.backupId() + " verifies (every file as the manifest says)";
        try {
            ctx.ports().backups().verify(run.backupId());
            return Optional.of(Precondition.holds(what));
        } catch (ResetException damaged) {
            return Optional.of(Precondition.fails(what, lowerFirst(damaged.getMessage())));
        }
    }

    private List<String> staleReasons(RunRecord run, Duration idle, List<RollbackPlan.Undo> undos) {
        List<String> reasons = new ArrayList<>();
        journal.runs().stream().filter(r -> !r.id().equals(run.id()) && r.profileName().equals(run.profileName())
                && r.started().isAfter(run.started())).reduce((newer, older) -> older).ifPresent(later ->
                reasons.add("run " + later.id() + " started on the same stack after it (" + later.started() + ")"));
        if (idle.compareTo(STALE_AFTER) > 0) {
            reasons.add("its last step was " + describeAge(idle) + " ago (a run is stale after "
                    + STALE_AFTER.toHours() + " hours)");
        }
        undos.stream().flatMap(u -> u.preconditions().stream()).filter(p -> !p.ok() && p.staleOnly())
                .map(p -> p.what() + ": " + p.problem().orElseThrow()).distinct().forEach(reasons::add);
        return reasons;
    }

    /**
     * Counts the points of the live buckets the undos would delete (every live bucket when a volume
     * is removed); returns why they could not be counted, if so.
     */
    private static Optional<String> countLiveData(RunContext ctx, List<Action> pending, Map<String, Long> atRisk) {
        Set<String> buckets = new LinkedHashSet<>();
        boolean volumes = false;
        for (Action action : pending) {
            buckets.addAll(action.undoDeletesBuckets());
            volumes |= !action.undoRemovesVolumes().isEmpty();
        }
        if (buckets.isEmpty() && !volumes) {
            return Optional.empty();
        }
        try {
            List<String> live = ctx.ports().influx().buckets().stream().map(b -> b.name()).toList();
            Stream<String> counted = volumes ? live.stream() : buckets.stream().filter(live::contains);
            counted.forEach(bucket -> {
                long points = ctx.ports().influx().countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
                if (points > 0) {
                    atRisk.put(bucket, points);
                }
            });
            return Optional.empty();
        } catch (ResetException notAnswering) {
            return Optional.of(lowerFirst(notAnswering.getMessage()));
        }
    }

    private static Instant lastActivity(RunRecord run, List<ActionRecord> records) {
        return Stream.concat(Stream.of(run.started(), run.ended()),
                        records.stream().flatMap(a -> Stream.of(a.started(), a.ended(), a.undone())))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(run.started());
    }

    /** A run partly rolled back, ended or stale is not resumed (nothing is changed). */
    void requireResumable(RunContext ctx, RunRecord run, List<ActionRecord> records) {
        if (run.status() != RunStatus.RUNNING || records.stream().anyMatch(a -> a.status() == ActionStatus.UNDONE
                || a.status() == ActionStatus.UNDO_FAILED)) {
            throw ResetException.badInput("Run " + ctx.runId() + " cannot be resumed: it is " + run.status()
                    + (run.status() == RunStatus.RUNNING ? " and partly rolled back" : "") + ".",
                    "Roll it back with 'rollback " + ctx.runId() + "'.");
        }
        records.stream().filter(a -> a.status() == ActionStatus.DONE).map(a -> a.facts().get(UndoFacts.ENGINE))
                .filter(engine -> engine != null && !engine.equals(ctx.profile().dockerHost())).findFirst()
                .ifPresent(engine -> {
                    throw ResetException.badInput("Run " + ctx.runId() + " changed the stack on the Docker engine " + engine
                            + "; resuming it now would act on " + ctx.profile().engine().describe() + ". Nothing was changed.",
                            "Name the run's engine (DOCKER_HOST=" + engine + ", or docker.host in the profile) and try again.");
                });
        Staleness sinceThen = staleness(ctx);
        if (sinceThen.stale()) {
            throw ResetException.badInput("Run " + ctx.runId() + " is stale, so it was not resumed and nothing was changed: "
                    + String.join("; ", sinceThen.reasons()) + ".", "Roll it back with 'rollback " + ctx.runId()
                    + " --force-stale' (the live data is backed up first), or close it with 'runs close " + ctx.runId() + "'.");
        }
    }

    public static String describeAge(Duration age) {
        if (age.toDays() >= 2) {
            return age.toDays() + " days";
        }
        if (age.toHours() >= 1) {
            return age.toHours() + " h";
        }
        return age.toMinutes() >= 1 ? age.toMinutes() + " min" : Math.max(0, age.toSeconds()) + " s";
    }

    private static String lowerFirst(String text) {
        return text == null || text.isEmpty() ? "" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
