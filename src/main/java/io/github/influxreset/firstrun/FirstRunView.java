package io.github.influxreset.firstrun;

import static io.github.influxreset.ui.Controls.button;
import static io.github.influxreset.ui.Controls.field;
import static io.github.influxreset.ui.Controls.showOnlyWhen;
import static io.github.influxreset.ui.Controls.wrappingLabel;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.ui.AfterNextFrame;
import io.github.influxreset.ui.View;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The first run: the compose projects found on the engine beside the profile guessed for the
 * selected one, every field editable, and Save, Rescan and "Use the HomeIQ defaults".
 */
public final class FirstRunView extends View<FirstRunViewModel> {
    private VBox root;
    private ListView<ComposeProject> projects;
    private Label intro;
    private Label summary;
    private Label engine;
    private ChoiceBox<Integer> version;
    private TextField url;
    private TextField org;
    private PasswordField token;
    private TextField username;
    private PasswordField password;
    private TextField sqlite;
    private TextField services;
    private TextField backups;
    private TextField saveTo;
    private TextArea notes;
    private TextArea schema;
    private CheckBox useLiveSchema;
    private Button readSchema;
    private Label status;
    private Label error;
    private ProgressIndicator busy;
    private Button rescan;
    private Button skip;
    private Button save;
    private GridPane form;

    public FirstRunView(FirstRunViewModel model) {
        super(model);
        build();
    }

    @Override
    protected void createParts() {
        projects = new ListView<>(model.projects());
        projects.setId("composeProjects");
        projects.setAccessibleText("Compose projects on this Docker engine");
        projects.setPlaceholder(new Label("No compose projects found yet."));
        projects.setCellFactory(list -> new ProjectCell());
        summary = wrappingLabel("firstRunSummary");
        engine = wrappingLabel("firstRunEngine");
        version = new ChoiceBox<>();
        version.getItems().setAll(FirstRunViewModel.versions());
        version.setConverter(new VersionNames());
        version.setId("influxVersion");
        url = field("influxUrl", "http://127.0.0.1:8086");
        org = field("influxOrg", "organization (2.x)");
        token = new PasswordField();
        token.setId("influxToken");
        token.setPromptText("all-access API token (2.x)");
        username = field("influxUsername", "user");
        password = new PasswordField();
        password.setId("influxPassword");
        sqlite = field("sqlitePath", "optional: host paths or service:/path, separated by commas");
        services = field("servicesToRestart", "service names in start order, separated by commas");
        backups = field("backupsDir", "folder for backup sets");
        saveTo = field("profileFile", "where the profile is saved");
        notes = new TextArea();
        notes.setId("guessNotes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(4);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.setAccessibleText("Where each guess came from");
        schema = new TextArea();
        schema.setId("liveSchema");
        schema.setEditable(false);
        schema.setWrapText(true);
        schema.setPrefRowCount(8);
        schema.setMinHeight(Region.USE_PREF_SIZE);
        schema.getStyleClass().add("monospace");
        schema.setAccessibleText("The live data's schema beside the brief's");
        useLiveSchema = new CheckBox("Write the live schema into the profile (else the brief's)");
        useLiveSchema.setId("useLiveSchema");
        readSchema = button("Read the live schema again", "readLiveSchema");
        status = wrappingLabel("firstRunStatus");
        error = wrappingLabel("firstRunError");
        error.getStyleClass().add("error-text");
        busy = new ProgressIndicator();
        busy.setId("firstRunBusy");
        busy.setPrefSize(18, 18);
        busy.setAccessibleText("Working");
        rescan = button("Look again", "rescanProjects");
        skip = button("Use the HomeIQ defaults", "skipFirstRun");
        save = button("Save profile and continue", "saveProfile");
        save.setDefaultButton(true);
    }

    @Override
    protected void layoutParts() {
        Label title = new Label("Find your stack");
        title.getStyleClass().add("step-title");
        intro = new Label();
        intro.setId("firstRunIntro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.getColumnConstraints().setAll(new ColumnConstraints(), grow());
        addRow("InfluxDB version", version);
        addRow("URL from this computer", url);
        addRow("Organization", org);
        addRow("API token", token);
        addRow("User", username);
        addRow("Password", password);
        addRow("Services to stop and restart", services);
        addRow("SQLite databases", sqlite);
        addRow("Backups folder", backups);
        addRow("Save profile as", saveTo);
        HBox schemaChoice = new HBox(10, useLiveSchema, readSchema);
        schemaChoice.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, summary, form, new Label("What was guessed, and from where:"), notes,
                new Label("Schema: what the live data holds, beside the brief's HomeIQ schema:"), schema, schemaChoice);
        HBox.setHgrow(right, Priority.ALWAYS);
        projects.setMinWidth(250);
        projects.setPrefWidth(270);
        right.setPadding(new Insets(0, 12, 0, 0));
        // only the guess scrolls; the list of projects stays in view beside it (no list inside a scroll area)
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        HBox body = new HBox(14, projects, scroll);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button button : new Button[] {rescan, skip, save}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox footer = new HBox(10, busy, status, spacer, rescan, skip, save);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, title, intro, engine, error, body, footer);
        root.getStyleClass().add("step-view");
        root.setId("firstRun");
    }

    private void addRow(String text, Control field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        field.setAccessibleText(text);
        field.setMaxWidth(Double.MAX_VALUE);
        form.addRow(form.getRowCount(), label, field);
    }

    @Override
    protected void bind() {
        intro.textProperty().bind(model.introProperty());
        model.selectedProperty().addListener((obs, old, now) -> {
            if (projects.getSelectionModel().getSelectedItem() != now) {
                projects.getSelectionModel().select(now);
            }
        });
        projects.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        summary.textProperty().bind(model.stackSummaryProperty());
        engine.textProperty().bind(model.engineProperty());
        version.valueProperty().bindBidirectional(model.fields().versionProperty());
        url.textProperty().bindBidirectional(model.fields().urlProperty());
        org.textProperty().bindBidirectional(model.fields().orgProperty());
        token.textProperty().bindBidirectional(model.fields().tokenProperty());
        username.textProperty().bindBidirectional(model.fields().usernameProperty());
        password.textProperty().bindBidirectional(model.fields().passwordProperty());
        sqlite.textProperty().bindBidirectional(model.fields().sqlitePathProperty());
        services.textProperty().bindBidirectional(model.fields().servicesProperty());
        backups.textProperty().bindBidirectional(model.fields().backupsDirProperty());
        saveTo.textProperty().bindBidirectional(model.saveToProperty());
        notes.textProperty().bind(model.notesProperty());
        schema.textProperty().bind(model.schema().textProperty());
        useLiveSchema.selectedProperty().bindBidirectional(model.schema().useLiveProperty());
        useLiveSchema.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.schema().proposalProperty().get().learned().isEmpty(), model.schema().proposalProperty()));
        readSchema.disableProperty().bind(model.busyProperty().or(model.draftProperty().isNull()));
        var v1 = model.fields().versionProperty().isEqualTo(1);
        org.disableProperty().bind(v1);
        token.disableProperty().bind(v1);
        form.disableProperty().bind(model.draftProperty().isNull());
        status.textProperty().bind(model.statusLineProperty());
        error.textProperty().bind(model.errorProperty());
        showOnlyWhen(error, model.errorProperty().isNotEmpty());
        busy.visibleProperty().bind(model.busyProperty());
        rescan.disableProperty().bind(model.busyProperty());
        skip.disableProperty().bind(model.busyProperty());
        save.disableProperty().bind(model.canSaveProperty().not());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                AfterNextFrame.run(scene, projects::requestFocus);
            }
        });
        rescan.setOnAction(e -> model.scan());
        skip.setOnAction(e -> model.skip());
        save.setOnAction(e -> model.save());
        readSchema.setOnAction(e -> model.readLiveSchema());
    }

    @Override
    public Parent root() {
        return root;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    private static final class ProjectCell extends ListCell<ComposeProject> {
        @Override
        protected void updateItem(ComposeProject project, boolean empty) {
            super.updateItem(project, empty);
            setText(empty || project == null ? null : FoundLines.project(project));
            setWrapText(true);
            setPrefWidth(0);
        }
    }

    private static final class VersionNames extends StringConverter<Integer> {
        @Override
        public String toString(Integer version) {
            return version == null ? "" : version == 1 ? "1.x (databases)" : "2.x (buckets, org, token)";
        }

        @Override
        public Integer fromString(String text) {
            return text.startsWith("1") ? 1 : 2;
        }
    }
}
