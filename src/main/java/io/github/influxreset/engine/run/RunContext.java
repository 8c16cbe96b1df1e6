package io.github.influxreset.engine.run;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.LogPace;
import io.github.influxreset.engine.port.Ports;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the actions of one run share: the profile, the ports, the log and the journal, plus the
 * few facts one step hands to the next (the backup set, the user's confirmation, the findings).
 * Thread-safe: the wizard writes the confirmation on the UI thread while actions run elsewhere.
 */
public final class RunContext {
    private final Profile profile;
    private final Ports ports;
    private final LogBus log;
    private final Journal journal;
    private final String runId;
    private final List<Finding> findings = new CopyOnWriteArrayList<>();
    private final Map<Step, List<Finding>> findingsByStep = new ConcurrentHashMap<>();
    private volatile String typedConfirmation = "";
    /** The user's choice to carry the old points: null while not made (the wizard asks at the confirmation). */
    private volatile Boolean keepData;
    private volatile Step currentStep;
    private volatile Progress actionProgress = Progress.NONE;
    private volatile int actionIndex = -1;
    private final LogPace logPace = new LogPace(System::nanoTime);

    /** The kind of the action that records the user's confirmation and the keep-data choice among its facts. */
    public static final String CONFIRMATION_KIND = "confirm-reset";
    /** The fact of the confirmation's row that holds the keep-data choice. */
    public static final String KEEP_DATA = "keepData";

    /** Makes the context of a run once the journal has given it an id. */
    @FunctionalInterface
    public interface Factory {
        RunContext create(String runId);
    }

    public RunContext(Profile profile, Ports ports, LogBus log, Journal journal, String runId) {
        this.profile = profile;
        this.ports = ports;
        this.log = log;
        this.journal = journal;
        this.runId = runId;
    }

    public Profile profile() {
        return profile;
    }

    public Ports ports() {
        return ports;
    }

    public String runId() {
        return runId;
    }

    /** The backup set this run wrote, once written. */
    public String backupId() {
        return journal.run(runId).map(RunRecord::backupId).orElseThrow(() -> new ResetException(
                ResetException.Reason.STEP_FAILED, "This run has no backup set yet.",
                "Run the backup step first."));
    }

    public void recordBackup(String backupId, boolean verified) {
        journal.recordBackup(runId, backupId, verified);
    }

    /** Every action of this run as the journal has it (planned, running or ended), in plan order. */
    public List<ActionRecord> journalActions() {
        return journal.actions(runId);
    }

    /** This run's first action of a kind as the journal has it (its facts, when it ran), if the run has one. */
    public Optional<ActionRecord> action(String kind) {
        return journal.actions(runId).stream().filter(a -> a.kind().equals(kind)).findFirst();
    }

    /** The word the user typed to confirm; compared with {@link Profile#confirmationWord()}. */
    public void confirm(String typed) {
        this.typedConfirmation = typed == null ? "" : typed.trim();
    }

    /**
     * The user's choice to carry the backup's points into the new schema, made with the confirmation
     * (the wizard) or before the run (the command line). Journalled on the confirmation's row at once,
     * while that has not run, so that a run killed before it is resumed with the same choice.
     */
    public void chooseKeepData(boolean carry) {
        this.keepData = carry;
        action(CONFIRMATION_KIND).filter(a -> a.status() == ActionStatus.PLANNED)
                .ifPresent(a -> journal.recordFacts(runId, a.index(), Map.of(KEEP_DATA, Boolean.toString(carry))));
    }

    /** True when the user said, before the run, not to carry the old points: no forecast is needed then. */
    public boolean keepDataDeclined() {
        return !isMove() && action(CONFIRMATION_KIND).map(a -> a.facts().get(KEEP_DATA)).map("false"::equals)
                .orElse(Boolean.FALSE.equals(keepData));
    }

    /**
     * Whether the old points are carried into the new buckets: as the confirmation recorded it in
     * the journal (so a resumed run keeps the choice), else as chosen in this process. A move always
     * carries them: that is what it does.
     */
    public boolean keepData() {
        if (isMove()) {
            return true;
        }
        return action(CONFIRMATION_KIND).map(a -> a.facts().get(KEEP_DATA))
                .filter(Objects::nonNull).map(Boolean::parseBoolean).orElse(Boolean.TRUE.equals(keepData));
    }

    private boolean isMove() {
        return journal.run(runId).map(r -> r.mode() == ResetMode.MOVE).orElse(false);
    }

    public boolean isConfirmed() {
        return typedConfirmation.equals(profile.confirmationWord());
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The findings of one step, such as the validation report. */
    public List<Finding> findings(Step step) {
        return List.copyOf(findingsByStep.getOrDefault(step, List.of()));
    }

    /** Adds findings of the step that is running. */
    public void addFindings(List<Finding> more) {
        findings.addAll(more);
        if (currentStep != null) {
            findingsByStep.computeIfAbsent(currentStep, s -> new CopyOnWriteArrayList<>()).addAll(more);
        }
    }

    void enterStep(Step step) {
        this.currentStep = step;
    }

    /** Logs findings at their level and keeps them as the current step's. */
    public void report(List<Finding> found) {
        found.forEach(f -> log.finding(currentStep, f));
        addFindings(found);
    }

    /**
     * Where the running action reports how far it is (bytes copied, points carried): the fraction
     * moves the progress bar within the action's share of its step, and the message goes to the log
     * (a line that only moves a count at most once a second: {@link LogPace}).
     */
    public Progress progress() {
        Progress logged = (fraction, message) -> {
            if (logPace.admits(fraction)) {
                info(message);
            }
            actionProgress.update(fraction, message);
        };
        return logged.withServiceEventsTo(actionProgress);
    }

    /** Set by the runner before each action runs: whose journal row {@link #recordFacts} writes. */
    void enterAction(int index) {
        actionIndex = index;
    }

    /**
     * Records facts of the running action in the journal now, while it runs (replacing those it
     * recorded before), so that an undo after a crash in the middle of it knows them; what
     * {@link Action#factsAfterExecute} returns replaces them once it ends. Never secrets.
     */
    public void recordFacts(Map<String, String> facts) {
        if (actionIndex < 0) {
            throw new IllegalStateException("No action is running, so there is no journal row for its facts.");
        }
        journal.recordFacts(runId, actionIndex, facts);
    }

    /** Set by the runner around each action: the part of the step's progress the action may fill. */
    void actionProgress(Progress slot) {
        actionProgress = slot;
    }

    public void info(String message) {
        log.info(currentStep, message);
    }

    public void warn(String message) {
        log.warn(currentStep, message);
    }

    public LogBus log() {
        return log;
    }
}
