package io.github.influxreset.firstrun;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.Progress;
import io.github.influxreset.engine.session.StackFinder;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.ui.DialogService;
import io.github.influxreset.ui.TaskClock;
import io.github.influxreset.ui.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first run: the compose projects on the engine, the proposed one, the profile guessed for the
 * chosen one as editable fields, and the commands rescan, save (then the wizard opens the saved
 * profile) and skip (the embedded HomeIQ profile). Reads the engine only. UI thread only.
 */
public final class FirstRunViewModel {
    private final StackFinder finder;
    private final DialogService dialogs;
    /** The URL the user chose to keep though InfluxDB did not answer there: saved on the second press. */
    private String keptUnanswered = "";
    private final ObservableList<ComposeProject> projects = FXCollections.observableArrayList();
    private final ObjectProperty<ComposeProject> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ProfileDraft> draft = new SimpleObjectProperty<>();
    private final StringProperty engine = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final TaskState work;
    private final StringBinding statusLine;
    private final DraftFields fields = new DraftFields();
    private final StringProperty saveTo = new SimpleStringProperty("");
    private final StringProperty stackSummary = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final SchemaChoice schema = new SchemaChoice();
    private final StringProperty openProfile = new SimpleStringProperty("");
    private final StringBinding intro = Bindings.createStringBinding(() -> (openProfile.get().isBlank()
            ? "No profile was chosen. " : "Profile " + openProfile.get() + " is open; this is the stack guessed afresh. ")
            + "These are the Docker Compose projects on this engine; the one running InfluxDB is proposed. Check what was"
            + " guessed, change what is wrong and save. Nothing is changed on the stack before you confirm the reset.",
            openProfile);
    private final BooleanBinding canSave;
    private Consumer<Optional<Path>> onDone = chosen -> { };

    public FirstRunViewModel(TaskRunner tasks, StackFinder finder, DialogService dialogs) {
        this.work = new TaskState(tasks, TaskClock.standard(), "The first run stopped: ");
        this.finder = finder;
        this.dialogs = dialogs;
        ReadOnlyBooleanProperty busy = work.busyProperty();
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && draft.get() != null && !saveTo.get().isBlank(),
                busy, draft, saveTo);
        statusLine = Bindings.when(busy).then(work.messageProperty()).otherwise(status);
        selected.addListener((obs, old, project) -> guess(project));
    }

    /** The name of the profile the wizard has open, or empty: what the screen's first sentence says. */
    public StringProperty openProfileProperty() {
        return openProfile;
    }

    public StringBinding introProperty() {
        return intro;
    }

    /** Called with the saved profile's file, or empty when the user chose the HomeIQ defaults. */
    public void setOnDone(Consumer<Optional<Path>> onDone) {
        this.onDone = onDone;
    }

    /** Says which engine is looked on, then lists its projects and selects the proposed one. */
    public void scan() {
        error.set("");
        run("Choosing the Docker engine", p -> FoundLines.engine(finder.engine(), finder.knownEngines()), chosen -> {
            engine.set(chosen);
            listProjects();
        });
    }

    private void listProjects() {
        run("Looking for compose projects", p -> finder.projects(), found -> {
            projects.setAll(found);
            Optional<ComposeProject> proposed = ComposeProject.likeliest(found);
            if (proposed.isPresent() && proposed.get().equals(selected.get())) {
                // the same project as before: guess again, so that what was typed over the last guess goes
                guess(proposed.get());
            }
            status.set(found.isEmpty() ? "No compose project runs on this Docker engine."
                    : proposed.map(pr -> found.size() + " compose project(s) found; " + pr.name() + " runs InfluxDB.")
                    .orElse(found.size() + " compose project(s) found, none with an InfluxDB service."));
            selected.set(proposed.orElse(null));
        });
    }

    private void guess(ComposeProject project) {
        if (project == null) {
            showDraft(null);
            return;
        }
        run("Reading " + project.name(), p -> finder.guess(project), this::showDraft);
    }

    private void showDraft(ProfileDraft guessed) {
        draft.set(guessed);
        if (guessed == null) {
            stackSummary.set("");
            notes.set("");
            return;
        }
        fields.fill(guessed, Optional.ofNullable(selected.get()).map(p -> p.services().stream().map(ComposeService::name)
                .filter(name -> !name.equals(guessed.influxService())).toList()).orElse(List.of()));
        saveTo.set(finder.suggestedFile(guessed.composeProject()).toString());
        stackSummary.set("Project " + guessed.composeProject() + ": InfluxDB is '" + guessed.influxService()
                + "'; stopped and restarted around the reset: "
                + (guessed.services().isEmpty() ? "no other service" : String.join(", ", guessed.services())) + ".");
        notes.set(String.join("\n", guessed.notes()));
        schema.clear();
        readLiveSchema();
    }

    /**
     * Reads the live data's schema with the URL and credentials as typed, to show it beside the
     * brief's; when there is one, saving writes it into the profile unless the user unticks it.
     */
    public void readLiveSchema() {
        Optional<ProfileDraft> edited = edited();
        if (edited.isEmpty() || work.busyProperty().get()) {
            return;
        }
        run("Reading the live schema", p -> finder.learnSchema(edited.get()), schema::show);
    }

    /**
     * Saves the profile as edited (with the live schema when ticked); on success the wizard goes on with
     * it. A profile already at that file is replaced only when the user says so; a URL where InfluxDB
     * does not answer is said at the field, and saved only when Save is pressed again with it.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Optional<Path> file = DraftFields.path(saveTo.get(), "Save profile as", error::set);
        Optional<ProfileDraft> edited = file.flatMap(f -> edited());
        if (edited.isEmpty()) {
            return;
        }
        ProfileDraft chosen = schema.applyTo(edited.get());
        boolean insisted = chosen.url().equals(keptUnanswered);
        run("Asking InfluxDB at " + chosen.url(), p -> new BeforeSaving(Files.exists(file.get()),
                insisted ? Optional.empty() : finder.probe(chosen)), found -> {
                    if (found.fileExists() && !dialogs.confirm("Replace the profile", "There is a profile at " + file.get()
                            + " already. Replace it with the one guessed now?")) {
                        status.set("Nothing was saved: " + file.get() + " is kept as it was. Choose another file to save "
                                + "the new profile beside it.");
                    } else if (found.unanswered().isPresent()) {
                        keptUnanswered = chosen.url();
                        error.set(found.unanswered().get() + " Correct the URL, or press Save again to keep it as it is.");
                    } else {
                        save(chosen, file.get());
                    }
                });
    }

    /** What is read off the FX thread before saving: whether a profile is at the file, and why InfluxDB did not answer. */
    private record BeforeSaving(boolean fileExists, Optional<String> unanswered) {
    }

    /** The draft with what the fields say; empty, with the error set, when a field cannot be used. */
    private Optional<ProfileDraft> edited() {
        if (draft.get() == null) {
            return Optional.empty();
        }
        error.set("");
        return fields.applyTo(draft.get(), error::set);
    }

    private void save(ProfileDraft edited, Path file) {
        run("Saving the profile", p -> {
            finder.save(edited, file);
            return file;
        }, saved -> {
            status.set("Profile saved to " + saved + ".");
            onDone.accept(Optional.of(saved));
        });
    }

    /** Goes on with the embedded HomeIQ profile; nothing is saved. */
    public void skip() {
        if (!work.busyProperty().get()) {
            onDone.accept(Optional.empty());
        }
    }

    private <T> void run(String title, TaskRunner.Work<T> task, Consumer<T> onSuccess) {
        work.run(title, task, Progress.NONE, onSuccess, failure -> error.set(work.sentence(failure)));
    }

    public ObservableList<ComposeProject> projects() {
        return projects;
    }

    public ObjectProperty<ComposeProject> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ProfileDraft> draftProperty() {
        return draft;
    }

    /** Which Docker engine the projects are read from, why, and the others docker knows. */
    public StringProperty engineProperty() {
        return engine;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The status, or what is being done while busy. */
    public StringBinding statusLineProperty() {
        return statusLine;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** The live schema read for the draft, and whether saving writes it into the profile. */
    public SchemaChoice schema() {
        return schema;
    }

    /** The fields of the guessed profile the user may edit. */
    public DraftFields fields() {
        return fields;
    }

    public StringProperty saveToProperty() {
        return saveTo;
    }

    public StringProperty stackSummaryProperty() {
        return stackSummary;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** The choices of the version field. */
    public static List<Integer> versions() {
        return List.of(2, 1);
    }
}
