package io.github.influxreset.steps.restart;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.Severity;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.report.BucketChange;
import io.github.influxreset.engine.report.RunTimeline;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.ui.ReportText;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Step 6: starts the services in profile order, waits until each is healthy, closes the run. */
public final class RestartViewModel extends StepViewModel {
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final ObjectProperty<RunTimeline> timeline = new SimpleObjectProperty<>();
    private final ObservableList<BucketChange> buckets = FXCollections.observableArrayList();
    private final StringBinding readableReport = Bindings.createStringBinding(
            () -> report.get().isEmpty() ? "" : ReportText.readable(report.get()), report);

    public RestartViewModel(StepContext wizard) {
        super(Step.RESTART, wizard);
    }

    public ObservableList<String> services() {
        return services;
    }

    /** The run on a time axis with its downtime, once it finished. */
    public ObjectProperty<RunTimeline> timelineProperty() {
        return timeline;
    }

    /** The buckets before and after the run, once it finished. */
    public ObservableList<BucketChange> buckets() {
        return buckets;
    }

    /** The run's Markdown report, once the run finished: what "Save report…" writes. */
    public StringProperty reportProperty() {
        return report;
    }

    /** The report as a person reads it on screen: headings, aligned tables, no Markdown marks. */
    public StringBinding readableReportProperty() {
        return readableReport;
    }

    /** Saves the report where the user chooses. */
    public void saveReport(Path file) {
        String text = report.get();
        wizard.load("Saving the report", p -> Files.writeString(file, text),
                written -> status.set("Report saved to " + written + "."));
    }

    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public void onEnter() {
        if (state() == StepState.PENDING) {
            restart();
        }
    }

    public void restart() {
        ResetSession session = wizard.session();
        var mode = wizard.modeProperty().get();
        services.setAll(session.profile().services().stream().map(s -> "… " + s.name() + ": starting").toList());
        status.set("Starting the services in order and waiting until each is healthy.");
        wizard.execute(this, "Restarting the services", progress -> {
            session.runStep(Step.RESTART, mode, progress);
            return new Restarted(session.backupId().orElse("?"), notHealthy(session), session.finish());
        }, finished -> {
            report.set(finished.finished().markdown());
            timeline.set(finished.finished().summary().timeline());
            buckets.setAll(finished.finished().summary().buckets());
            services.setAll(session.profile().services().stream().map(s -> Optional.ofNullable(finished.notHealthy()
                    .get(s.name())).map(why -> "⚠ " + s.name() + ": " + why).orElseGet(() -> healthy(s))).toList());
            String unhealthy = String.join(", ", finished.notHealthy().keySet());
            status.set(mode == ResetMode.MOVE
                    ? "The move is complete: the 2.x server holds the data in the profile's schema. Every service is up and"
                    + " still uses InfluxDB 1.x until you change its settings as the report below lists. Backup set "
                    + finished.backupId() + " keeps the 1.x data too."
                    : unhealthy.isEmpty() ? "The reset is complete and every service is up (healthy, where it has a health "
                    + "check). Backup set " + finished.backupId() + " keeps the old data."
                    : "The reset is complete and every service runs; not healthy, as before the run: " + unhealthy
                    + " (see below). Backup set " + finished.backupId() + " keeps the old data.");
            return StepState.DONE;
        }, () -> { }, () -> {
            services.clear();
            status.set("The restart failed and the run was rolled back; the message above and the log say why.");
        });
    }

    /** Marks the service being started, as the restart goes on (the run's structured event, not its sentence). */
    @Override
    protected void onServiceStarting(String service) {
        serviceLine(service).ifPresent(at -> services.set(at, "… " + service + ": starting, waiting until it is up"));
    }

    /** Marks a service up as soon as the restart found it so. */
    @Override
    protected void onServiceUp(String service) {
        serviceLine(service).ifPresent(at -> services.set(at, healthy(wizard.session().profile().services().get(at))));
    }

    /** The line of the profile's service of that name, in start order. */
    private Optional<Integer> serviceLine(String service) {
        List<ServiceSpec> all = wizard.session().profile().services();
        for (int i = 0; i < all.size() && i < services.size(); i++) {
            if (all.get(i).name().equals(service)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** What the restart ended with: the set, the services not healthy (as before the run) with why, the report. */
    private record Restarted(String backupId, Map<String, String> notHealthy, ResetSession.Finished finished) {
    }

    /** The services the restart reported not healthy, in start order, each with the restart's sentence. */
    private static Map<String, String> notHealthy(ResetSession session) {
        List<Finding> restart = session.findings(Step.RESTART);
        Map<String, String> notHealthy = new LinkedHashMap<>();
        for (ServiceSpec service : session.profile().services()) {
            restart.stream().filter(f -> f.severity() == Severity.WARNING && f.subject().equals("Service " + service.name()))
                    .findFirst().ifPresent(f -> notHealthy.put(service.name(), f.message()));
        }
        return notHealthy;
    }

    private static String healthy(ServiceSpec service) {
        return service.health().map(url -> "✔ " + service.name() + ": healthy (" + url + ")")
                .orElse("✔ " + service.name() + ": running (no health URL in the profile)");
    }

    @Override
    public void clear() {
        super.clear();
        services.clear();
        status.set("");
        report.set("");
        timeline.set(null);
        buckets.clear();
    }
}
