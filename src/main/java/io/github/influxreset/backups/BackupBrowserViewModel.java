package io.github.influxreset.backups;

import io.github.influxreset.domain.BackupInfo;
import io.github.influxreset.domain.ByteSize;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.session.BackupShelf;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.TaskClock;
import io.github.influxreset.ui.TaskState;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backup browser: the complete sets of the profile's backup folder, the selected one's
 * details, and the commands verify, restore (whole or one bucket into a new one), delete and prune,
 * each confirmed first. Blocking work goes through the task runner. UI thread only.
 */
public final class BackupBrowserViewModel {
    private final TaskState work;
    private final DialogService dialogs;
    private final Supplier<ResetSession> session;
    private final ObservableList<BackupInfo> sets = FXCollections.observableArrayList();
    private final Map<String, String> roles = new HashMap<>();
    private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty details = new SimpleStringProperty("Select a backup set.");
    private final StringProperty restoreBucket = new SimpleStringProperty("");
    private final StringProperty newBucketName = new SimpleStringProperty("");

    public BackupBrowserViewModel(TaskRunner tasks, DialogService dialogs, Supplier<ResetSession> session,
                                  TaskClock taskClock) {
        this.work = new TaskState(tasks, taskClock, "The operation failed: ");
        this.dialogs = dialogs;
        this.session = session;
        selected.addListener((obs, old, now) -> details.set(now == null ? "Select a backup set." : describe(now)));
    }

    /** What a listed set is (the first backup of a run, sealed or not, the live data before a rollback, by hand). */
    public String roleOf(String setId) {
        return roles.getOrDefault(setId, "");
    }

    public void refresh() {
        refreshThenSay(null);
    }

    /** Reads the folder again; then shows {@code message}, or how many sets there are when it is null. */
    private void refreshThenSay(String message) {
        BackupShelf shelf = session.get().shelf();
        Path folder = session.get().profile().backups().dir();
        run("Reading the backup folder", p -> shelf.list().stream().map(set -> Map.entry(set, shelf.role(set)))
                .toList(), listed -> {
            roles.clear();
            listed.forEach(entry -> roles.put(entry.getKey().id(), entry.getValue()));
            List<BackupInfo> list = listed.stream().map(Map.Entry::getKey).toList();
            sets.setAll(list);
            work.say(message != null ? message : list.size() + " backup set(s) in " + folder);
        });
    }

    public void verifySelected() {
        BackupInfo set = selected.get();
        if (set != null) {
            BackupShelf shelf = session.get().shelf();
            run("Verifying " + set.id(), p -> {
                shelf.verify(set.id(), p);
                return null;
            }, ignored -> work.say("Backup set " + set.id() + " verified: all " + set.files() + " files match."));
        }
    }

    public void deleteSelected() {
        BackupInfo set = selected.get();
        if (set != null && dialogs.confirmByTyping("Delete backup set", "This deletes backup set " + set.id() + ".", set.id())) {
            BackupShelf shelf = session.get().shelf();
            run("Deleting " + set.id(), p -> {
                shelf.delete(set.id());
                return null;
            }, ignored -> {
                work.say("Backup set " + set.id() + " deleted.");
                refresh();
            });
        }
    }

    public void prune() {
        int keep = session.get().profile().backups().keep();
        if (dialogs.confirmByTyping("Prune backups", "This keeps the newest " + keep + " sets and deletes the rest.", "prune")) {
            BackupShelf shelf = session.get().shelf();
            run("Pruning", p -> shelf.prune(keep), deleted -> {
                work.say(deleted.isEmpty() ? "Nothing to prune." : "Deleted " + deleted + ".");
                refresh();
            });
        }
    }

    public void restoreSelected() {
        BackupInfo set = selected.get();
        String word = session.get().profile().confirmationWord();
        if (set != null && dialogs.confirmByTyping("Restore backup set", "This replaces every bucket of set " + set.id()
                + " in InfluxDB with its copy (the current data is backed up first).", word)) {
            BackupShelf shelf = session.get().shelf();
            run("Restoring " + set.id(), p -> shelf.restoreAll(set.id(), word, p),
                    run -> refreshThenSay("Backup set " + set.id() + " restored; every point count matches (run " + run
                            + "). The set written of the state before it is listed too."));
        }
    }

    public void restoreBucketIntoNewName() {
        BackupInfo set = selected.get();
        String bucket = restoreBucket.get();
        String target = newBucketName.get().trim();
        if (set != null && !bucket.isEmpty() && !target.isEmpty()) {
            BackupShelf shelf = session.get().shelf();
            run("Restoring " + bucket + " into " + target, p -> shelf.restoreBucket(set.id(), bucket, target, p),
                    run -> refreshThenSay("Bucket " + bucket + " of " + set.id() + " restored into " + target + "."));
        }
    }

    private <T> void run(String title, TaskRunner.Work<T> task, Consumer<T> onSuccess) {
        work.run(title, task, Progress.NONE, onSuccess, failure -> work.say(work.sentence(failure)));
    }

    static String describe(BackupInfo set) {
        StringBuilder text = new StringBuilder();
        String created = set.created().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", " UTC");
        text.append("Backup set ").append(set.id()).append("\ncreated ").append(created).append(" by run ")
                .append(set.runId()).append("\nprofile ").append(set.profile()).append(", InfluxDB ").append(set.influxVersion())
                .append("\n").append(set.files()).append(" files, ").append(ByteSize.human(set.bytes()))
                .append("\n");
        set.sealed().ifPresent(at -> text.append("sealed ").append(at.truncatedTo(ChronoUnit.SECONDS)
                .toString().replace('T', ' ').replace("Z", " UTC"))
                .append(" with what the services wrote until they stopped (the points below are those at the stop)\n"));
        set.buckets().forEach(b -> {
            text.append("\n").append(b.name()).append(" (retention ").append(readableRetention(b.retention()))
                    .append("): ").append(String.format("%,d", b.totalPoints())).append(" points");
            b.points().forEach((measurement, points) -> text.append("\n    ").append(measurement).append(": ")
                    .append(String.format("%,d", points)));
        });
        return text.toString();
    }

    /** "0" is how InfluxDB writes a retention that keeps data forever. */
    private static String readableRetention(String retention) {
        return "0".equals(retention) ? "infinite" : retention;
    }

    public ObservableList<BackupInfo> sets() {
        return sets;
    }

    public ObjectProperty<BackupInfo> selectedProperty() {
        return selected;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    /** What the running task does; else what the last one did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return work.messageProperty();
    }

    public StringProperty restoreBucketProperty() {
        return restoreBucket;
    }

    public StringProperty newBucketNameProperty() {
        return newBucketName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return work.progressProperty();
    }

    /** The bucket names of the selected set, for the bucket chooser. */
    public List<String> bucketsOfSelected() {
        return selected.get() == null ? List.of() : selected.get().buckets().stream().map(BackupInfo.Bucket::name).toList();
    }
}
